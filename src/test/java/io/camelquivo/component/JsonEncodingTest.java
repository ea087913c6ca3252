package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The encodings an order body arrives in, and what is sent to Quivo: UTF-8 without a byte order mark. */
class JsonEncodingTest {

    private static final String ORDER = "{\"orderIdentifier\":\"Ü-1\",\"comment\":\"Zoë 注文 😀\"}";
    private static final byte[] UTF8 = ORDER.getBytes(StandardCharsets.UTF_8);

    @Test
    void utf8IsSentAsItIs() throws Exception {
        byte[] ascii = "{\"orderIdentifier\":\"A-1\"}".getBytes(StandardCharsets.US_ASCII);
        assertSame(ascii, JsonEncoding.toUtf8(ascii));
        assertSame(UTF8, JsonEncoding.toUtf8(UTF8));
    }

    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        assertArrayEquals(UTF8, JsonEncoding.toUtf8(join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, UTF8)));
    }

    @Test
    void utf16AndUtf32WithOrWithoutAMarkBecomeUtf8() throws Exception {
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
            byte[] bare = ORDER.getBytes(Charset.forName(charset));
            byte[] marked = ("\uFEFF" + ORDER).getBytes(Charset.forName(charset));
            assertArrayEquals(UTF8, JsonEncoding.toUtf8(bare), charset);
            assertArrayEquals(UTF8, JsonEncoding.toUtf8(marked), charset + " with a mark");
        }
    }

    @Test
    void bytesThatAreNoTextSayWhereAndWhat() {
        byte[] latin1 = ORDER.replace("注文 😀", "").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("not valid UTF-8: byte 0xDC at offset 20 is no UTF-8 character (saved as Windows-1252 or"
                + " ISO-8859-1?)", assertThrows(JsonEncoding.NotText.class, () -> JsonEncoding.toUtf8(latin1))
                .getMessage());
        byte[] marked = join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, latin1);
        assertEquals("not valid UTF-8: byte 0xDC at offset 23 is no UTF-8 character (saved as Windows-1252 or"
                + " ISO-8859-1?)", assertThrows(JsonEncoding.NotText.class, () -> JsonEncoding.toUtf8(marked))
                .getMessage(), "the offset counts the mark");
        // a lone high surrogate, as a truncating UTF-16 writer leaves it
        byte[] lone = join("{\"a\":\"".getBytes(StandardCharsets.UTF_16LE), new byte[] {0x3D, (byte) 0xD8, 0x22, 0, 0x7D, 0});
        assertEquals("not valid UTF-16LE: bytes 0x3D 0xD8 0x22 0x00 at offset 12 are no UTF-16LE character",
                assertThrows(JsonEncoding.NotText.class, () -> JsonEncoding.toUtf8(lone)).getMessage());
    }

    @Test
    void shortAndEmptyBodiesAreLeftToTheJsonReader() throws Exception {
        for (String body : new String[] {"", "{", " ", "[]"}) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertSame(bytes, JsonEncoding.toUtf8(bytes), body);
        }
    }

    private static byte[] join(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
