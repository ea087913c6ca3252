package io.camelquivo.console;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use the console, and which calls may change something. A call carries the token itself
 * ({@code Authorization: Bearer <token>}, for scripts) or the session cookie the login form sets. The cookie
 * and the page's anti-forgery value are derived from the token (HMAC-SHA256), so neither reveals it and a new
 * token ends every session. Every comparison takes the same time whatever matches.
 *
 * <p>A call that changes something (a POST) with the cookie must also send the page's anti-forgery value in
 * {@value #CSRF_HEADER}: another site can make a browser send the cookie, but not read the value nor set that
 * header without a CORS preflight, which the console never allows. When the browser says where a call comes
 * from ({@code Origin}, {@code Sec-Fetch-Site}), it must be the console's own origin.
 */
final class ConsoleAuth {

    static final String COOKIE = "quivo_console";
    static final String CSRF_HEADER = "X-Quivo-Csrf";

    private final byte[] tokenDigest;
    private final String session;
    private final String csrf;

    ConsoleAuth(String token) {
        this.tokenDigest = sha256(token);
        this.session = hmac(token, "quivo-console-session");
        this.csrf = hmac(token, "quivo-console-csrf");
    }

    /** The cookie's value after a login. */
    String session() {
        return session;
    }

    /** The anti-forgery value the page carries and sends back on each POST. */
    String csrf() {
        return csrf;
    }

    boolean isToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(tokenDigest, sha256(candidate));
    }

    /** The bearer token, when the call carries one that is right. */
    boolean bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && isToken(authorization.substring(7).trim());
    }

    boolean session(String cookie) {
        return same(session, cookie);
    }

    boolean csrf(String header) {
        return same(csrf, header);
    }

    /**
     * False when the browser says the call comes from another site: an {@code Origin} other than the host and
     * port the console was called at, or a {@code Sec-Fetch-Site} other than same-origin or none.
     *
     * @param host the host the call was made to; {@code port} is negative when the call named none
     */
    static boolean sameOrigin(String origin, String fetchSite, String host, int port) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        if (origin.equals("null")) {
            // an opaque origin (a sandboxed frame, a file, a redirect): only the browser's own word will do
            return "same-origin".equals(fetchSite);
        }
        try {
            URI uri = URI.create(origin);
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
            return host != null && uri.getHost() != null && uri.getHost().equalsIgnoreCase(host)
                    && originPort == (port < 0 ? defaultPort : port);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static boolean same(String expected, String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(expected), sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
