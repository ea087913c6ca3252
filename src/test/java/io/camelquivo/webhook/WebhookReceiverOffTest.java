package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/**
 * Without QUIVO_WEBHOOK_SECRET the service sets neither quivo.webhook.enabled nor camel.server.enabled: the
 * route file still loads, but nothing listens and nothing of the receiver runs.
 */
class WebhookReceiverOffTest extends WebhookTestSupport {

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.remove("quivo.webhook.enabled");
        p.remove("quivo.webhook-secret");
        return p;
    }

    @Override
    protected boolean httpServer() {
        return false;
    }

    @Test
    void withoutASecretNothingListensAndNothingRuns() throws Exception {
        assertEquals(ServiceStatus.Started, context.getStatus(), "the rest of the service starts");
        assertNull(context.getRoute("quivo-webhooks"), "the route is not even created");
        assertNull(context.getRoute("quivo-webhook-events"));
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2000));
        }
        assertFalse(topicExists(dedupTopic), "the memory of published versions was not even read");
        assertEquals(0, simulator().stats().calls("*"));
    }
}
