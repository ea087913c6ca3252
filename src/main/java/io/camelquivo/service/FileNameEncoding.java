package io.camelquivo.service;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Java 17 reads file names in the encoding of the process's locale ({@code sun.jnu.encoding}), and a command-line
 * setting does not change it. Under the C or POSIX locale (a bare container, a systemd unit or cron job without
 * LANG) that is ASCII: an inbox file named {@code Bestellung Zoë.json} cannot be opened under any name Java can
 * spell, so it is neither sent nor dead-lettered and stays in the inbox, with one WARN from Camel. The service
 * says so at start, with the fix.
 */
final class FileNameEncoding {

    private FileNameEncoding() {
    }

    /** The warning for a file-name encoding that is not UTF-8, or empty when it is (or cannot be told). */
    static Optional<String> warning(String jnuEncoding, String locale) {
        if (jnuEncoding == null || !Charset.isSupported(jnuEncoding)
                || Charset.forName(jnuEncoding).equals(StandardCharsets.UTF_8)) {
            return Optional.empty();
        }
        return Optional.of("File names are read as " + jnuEncoding + " (locale " + (locale == null ? "unset" : locale)
                + "): an inbox file whose name has other characters (ü, é, 注) cannot be read and stays in the"
                + " inbox. Start the service with a UTF-8 locale, e.g. LANG=C.UTF-8");
    }

    static Optional<String> warning() {
        String locale = System.getenv("LC_ALL");
        if (locale == null || locale.isBlank()) {
            locale = System.getenv("LANG");
        }
        return warning(System.getProperty("sun.jnu.encoding"), locale);
    }
}
