package io.camelquivo.webhook;

/**
 * The body of a webhook call is not Quivo's {@code {"events":[...]}}: answered 400 with the reason. The reason
 * names the field, never the body's content.
 */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String reason) {
        super(reason, null, false, false);
    }
}
