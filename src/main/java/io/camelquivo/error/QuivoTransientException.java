package io.camelquivo.error;

/**
 * A failure that waiting fixes: an expired token, throttling, an unavailable Quivo, no answer, or a create
 * whose outcome is not known yet. The status policy redelivers it and never dead-letters the message for
 * it: once the time budget is spent, the message stays in its source and the route pauses until Quivo
 * answers again. See {@link StatusFamily#waitingFixes()}.
 */
public abstract class QuivoTransientException extends QuivoException {

    protected QuivoTransientException(ErrorDetails details, StatusFamily family, Throwable cause) {
        super(details, family, cause);
        if (!family.waitingFixes()) {
            throw new IllegalArgumentException(family + " is not a family that waiting fixes");
        }
    }
}
