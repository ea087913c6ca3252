package io.camelquivo.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The first step of a webhook call: the last path segment must be the shared secret
 * ({@code quivo.webhook-secret}). The route matches the path with a parameter, so the secret is never part of
 * an endpoint URI that Camel logs; this step compares it in constant time and then drops every request header
 * (the path parameter, {@code CamelHttpUri}, {@code CamelHttpPath}, ... all hold the secret), so that nothing
 * downstream can log it, echo it in the answer or write it to Kafka.
 *
 * <p>A wrong or missing secret stops the call with 404, an empty body and no headers. The receiver does not
 * start without a secret.
 */
public class WebhookSecretCheck extends ServiceSupport implements Processor, CamelContextAware {

    /** The property holding the shared secret (environment variable {@code QUIVO_WEBHOOK_SECRET}). */
    public static final String SECRET_PROPERTY = "quivo.webhook-secret";
    public static final String SECRET_VARIABLE = "QUIVO_WEBHOOK_SECRET";
    /** The name of the path parameter in the route's URI, {@code platform-http:/quivo/webhooks/{secret}}. */
    public static final String PATH_PARAMETER = "secret";

    private CamelContext camelContext;
    private volatile byte[] expected;

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doStart() {
        if (camelContext != null) {
            expected = digest(configuredSecret(camelContext));
        }
    }

    @Override
    protected void doStop() {
        expected = null;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] wanted = expected;
        if (wanted == null) {
            wanted = digest(configuredSecret(exchange.getContext()));
            expected = wanted;
        }
        Message message = exchange.getMessage();
        String given = message.getHeader(PATH_PARAMETER, String.class);
        message.removeHeaders("*");
        // digests of equal length, compared without an early exit: the time taken says nothing about the secret
        if (given == null || !MessageDigest.isEqual(wanted, digest(given))) {
            message.setBody(null);
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            exchange.setRouteStop(true);
        }
    }

    /**
     * The secret, looked up where Camel would look for {@code {{quivo.webhook-secret}}} and in the same order:
     * the environment variable, the JVM system property, then the context's properties (application.properties,
     * the service's settings). Not through {@code resolveProperty}: Camel 4.18 logs every value it resolves at
     * DEBUG and does not count {@code webhook-secret} among the names it would mask.
     */
    static String configuredSecret(CamelContext camel) {
        String secret = System.getenv(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            secret = System.getProperty(SECRET_PROPERTY);
        }
        if (secret == null || secret.isBlank()) {
            secret = camel.getPropertiesComponent().loadProperties(SECRET_PROPERTY::equals).getProperty(SECRET_PROPERTY);
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(SECRET_PROPERTY + " (QUIVO_WEBHOOK_SECRET) is not set: the webhook"
                    + " receiver does not start without it");
        }
        return secret;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
