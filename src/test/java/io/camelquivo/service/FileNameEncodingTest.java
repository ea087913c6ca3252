package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up warning for a locale under which inbox files with non-ASCII names cannot be read. */
class FileNameEncodingTest {

    @Test
    void asciiFileNamesUnderTheCLocaleAreWarnedAboutWithTheFix() {
        assertEquals(Optional.of("File names are read as ANSI_X3.4-1968 (locale C): an inbox file whose name has"
                + " other characters (ü, é, 注) cannot be read and stays in the inbox. Start the service with a"
                + " UTF-8 locale, e.g. LANG=C.UTF-8"), FileNameEncoding.warning("ANSI_X3.4-1968", "C"));
    }

    @Test
    void utf8FileNamesAreNot() {
        assertEquals(Optional.empty(), FileNameEncoding.warning("UTF-8", "C.UTF-8"));
        assertEquals(Optional.empty(), FileNameEncoding.warning(null, null));
    }
}
