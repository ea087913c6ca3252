package io.camelquivo.error;

import java.util.Locale;

/**
 * Who wrote the error text: Quivo's backend answers plain text, its AWS API Gateway answers JSON with
 * {@code message} or {@code Message}, and {@code client} means no HTTP answer came at all.
 */
public enum ErrorSource {
    BACKEND,
    GATEWAY,
    CLIENT;

    /** The lower-case name used in headers and dead-letter records. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
