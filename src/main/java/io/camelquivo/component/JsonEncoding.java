package io.camelquivo.component;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * JSON between systems is UTF-8 without a byte order mark (RFC 8259, section 8.1), and the connector declares
 * {@code application/json; charset=UTF-8}. Bodies written otherwise are common all the same: a UTF-8 file with a
 * mark (Windows editors), UTF-16 (Windows PowerShell 5's {@code Out-File}, Notepad's "Unicode"). Those are turned
 * into the UTF-8 text they hold, as Quivo's own JSON reader might or might not do. Bytes that are no text in
 * their encoding (a Windows-1252 file, typically) are refused: any guess at what they meant could store a
 * garbled name or address in Quivo.
 */
final class JsonEncoding {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private JsonEncoding() {
    }

    /** Why a body cannot be read as text; the message completes "the order is ...". */
    static final class NotText extends Exception {
        NotText(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The body as UTF-8 without a byte order mark: the same array when it is that already. The encoding is
     * told by a byte order mark, else by the zero bytes that UTF-16 and UTF-32 put around JSON's first
     * character, which is always ASCII (RFC 4627, section 3).
     */
    static byte[] toUtf8(byte[] body) throws NotText {
        int n = body.length;
        if (n >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return checkedUtf8(Arrays.copyOfRange(body, 3, n), 3);
        }
        if (n >= 4 && body[0] == 0 && body[1] == 0 && (body[2] & 0xFF) == 0xFE && (body[3] & 0xFF) == 0xFF) {
            return transcode(body, 4, UTF_32BE);
        }
        if (n >= 4 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE && body[2] == 0 && body[3] == 0) {
            return transcode(body, 4, UTF_32LE);
        }
        if (n >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return transcode(body, 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return transcode(body, 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 4 && body[0] == 0 && body[1] == 0 && body[2] == 0 && body[3] != 0) {
            return transcode(body, 0, UTF_32BE);
        }
        if (n >= 4 && body[0] != 0 && body[1] == 0 && body[2] == 0 && body[3] == 0) {
            return transcode(body, 0, UTF_32LE);
        }
        if (n >= 2 && body[0] == 0 && body[1] != 0) {
            return transcode(body, 0, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && body[0] != 0 && body[1] == 0) {
            return transcode(body, 0, StandardCharsets.UTF_16LE);
        }
        return checkedUtf8(body, 0);
    }

    /** {@code utf8} itself once it proved to be UTF-8; {@code skipped} bytes (a mark) came before it. */
    private static byte[] checkedUtf8(byte[] utf8, int skipped) throws NotText {
        if (isAscii(utf8)) {
            return utf8; // nearly every order: nothing to decode
        }
        decode(utf8, 0, StandardCharsets.UTF_8, skipped, null);
        return utf8;
    }

    private static byte[] transcode(byte[] body, int from, Charset charset) throws NotText {
        StringBuilder text = new StringBuilder(body.length);
        decode(body, from, charset, 0, text);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes the bytes from {@code from} on, into {@code text} unless that is null (then it only checks). */
    private static void decode(byte[] body, int from, Charset charset, int skipped, StringBuilder text)
            throws NotText {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, from, body.length - from);
        CharBuffer out = CharBuffer.allocate(8192);
        boolean flushing = false;
        while (true) {
            CoderResult result = flushing ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isError()) {
                throw new NotText("not valid " + charset.name() + ": " + hex(body, in.position(), result.length())
                        + " at offset " + (in.position() + skipped) + (result.length() == 1 ? " is" : " are")
                        + " no " + charset.name() + " character"
                        + (charset == StandardCharsets.UTF_8 ? " (saved as Windows-1252 or ISO-8859-1?)" : ""));
            }
            if (text != null) {
                out.flip();
                text.append(out);
            }
            out.clear();
            if (result.isUnderflow()) {
                if (flushing) {
                    return;
                }
                flushing = true;
            }
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder text = new StringBuilder(length == 1 ? "byte" : "bytes");
        for (int i = from; i < Math.min(bytes.length, from + Math.max(1, length)); i++) {
            text.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
        }
        return text.toString();
    }
}
