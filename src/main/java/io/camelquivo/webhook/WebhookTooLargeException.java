package io.camelquivo.webhook;

/**
 * A webhook call larger than the receiver takes: a body over {@code quivo.webhook.max-body-bytes}, or more events
 * than {@code quivo.webhook.max-events}. Answered 413 with the reason, and nothing of it is done.
 */
public class WebhookTooLargeException extends MalformedWebhookException {

    public WebhookTooLargeException(String reason) {
        super(reason);
    }
}
