package io.camelquivo.simulator;

/**
 * Ends a request early with a ready answer. Thrown from deep inside validation and parsing so
 * that the handlers can read top to bottom without threading error values through.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    ApiException(Reply reply) {
        super(reply.toString(), null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }

    /** A Spring-validation style 400 with a plain-text body such as {@code positions: must not be null}. */
    static ApiException badRequest(String text) {
        return new ApiException(Reply.backend(400, text));
    }

    static ApiException malformed() {
        return badRequest("Malformed JSON request");
    }
}
