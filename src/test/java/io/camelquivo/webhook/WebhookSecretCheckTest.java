package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookSecretCheckTest {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theReceiverDoesNotStartWithoutASecret() {
        WebhookSecretCheck check = new WebhookSecretCheck();
        check.setCamelContext(camel);
        IllegalStateException refused = assertThrows(IllegalStateException.class, check::start);
        assertTrue(refused.getMessage().contains("quivo.webhook-secret"), refused.getMessage());
    }

    @Test
    void theRightSecretPassesWithoutAnyRequestHeader() {
        WebhookSecretCheck check = started("s3cr3t-value");
        Exchange call = call("s3cr3t-value");
        check.process(call);
        assertFalse(call.isRouteStop());
        assertEquals("{\"events\":[]}", call.getMessage().getBody(String.class), "the body stays");
        assertTrue(call.getMessage().getHeaders().isEmpty(), "the secret went with the headers that held it");
    }

    @Test
    void aWrongOrMissingSecretStopsWith404AndNothingElse() {
        WebhookSecretCheck check = started("s3cr3t-value");
        for (String wrong : new String[] {"s3cr3t-valu", "s3cr3t-value ", "S3CR3T-VALUE", "", null}) {
            Exchange call = call(wrong);
            check.process(call);
            assertTrue(call.isRouteStop(), String.valueOf(wrong));
            assertNull(call.getMessage().getBody());
            assertEquals(1, call.getMessage().getHeaders().size());
            assertEquals(404, call.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        }
    }

    private WebhookSecretCheck started(String secret) {
        Properties properties = new Properties();
        properties.put(WebhookSecretCheck.SECRET_PROPERTY, secret);
        camel.getPropertiesComponent().setOverrideProperties(properties);
        camel.start();
        WebhookSecretCheck check = new WebhookSecretCheck();
        check.setCamelContext(camel);
        check.start();
        return check;
    }

    private Exchange call(String secret) {
        Exchange call = new DefaultExchange(camel);
        call.getMessage().setBody("{\"events\":[]}");
        call.getMessage().setHeader(WebhookSecretCheck.PATH_PARAMETER, secret);
        call.getMessage().setHeader(Exchange.HTTP_URI, "/quivo/webhooks/" + secret);
        call.getMessage().setHeader("User-Agent", "Quivo");
        return call;
    }
}
