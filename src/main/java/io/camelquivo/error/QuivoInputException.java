package io.camelquivo.error;

import java.util.Map;

/**
 * The message cannot be sent as it is: its body is not a JSON object, say. No call was made, so the status
 * is 0 and the source {@code client}; retrying cannot help.
 */
public class QuivoInputException extends QuivoException {

    public QuivoInputException(String operation, String method, String path, String reason, Throwable cause) {
        super(new ErrorDetails(0, operation, method, path, reason, ErrorSource.CLIENT, null, Map.of()),
                StatusFamily.INVALID_INPUT, cause);
    }
}
