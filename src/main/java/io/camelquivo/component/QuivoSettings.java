package io.camelquivo.component;

import io.camelquivo.client.Credentials;
import io.camelquivo.client.RateLimitSettings;
import io.camelquivo.client.SessionSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a {@link QuivoConfiguration} into checked client settings. Every refusal names the option, so a
 * wrong setting is found from the first error line.
 */
public final class QuivoSettings {

    static final String PRODUCTION_BASE_URL = "https://api.quivo.co";

    private QuivoSettings() {
    }

    static Credentials credentials(QuivoConfiguration config) {
        return new Credentials(baseUrl(config), required("apiKey", config.getApiKey()),
                required("username", config.getUsername()), required("password", config.getPassword()));
    }

    static SessionSettings session(QuivoConfiguration config) {
        return new SessionSettings(Duration.ofSeconds(config.getTokenLifetimeSeconds()),
                Duration.ofSeconds(config.getTokenRefreshMarginSeconds()), config.getAuthorizationPrefix(),
                Duration.ofSeconds(config.getLoginBackoffSeconds()),
                Duration.ofSeconds(config.getLoginBackoffMaxSeconds()));
    }

    /**
     * The rate limit of the component's accounts: {@code rateLimit} is adaptive, off, or a fixed number of
     * requests per second.
     */
    static RateLimitSettings rateLimit(String rateLimit, int rateLimitMax, int rateLimitMaxPause) {
        if (rateLimitMaxPause < 0) {
            throw new IllegalArgumentException("quivo rateLimitMaxPause must not be negative: " + rateLimitMaxPause);
        }
        Duration maxPause = Duration.ofMillis(rateLimitMaxPause);
        String mode = rateLimit == null ? "adaptive" : rateLimit.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "adaptive":
                if (rateLimitMax < 1) {
                    throw new IllegalArgumentException("quivo rateLimitMax must be at least 1: " + rateLimitMax);
                }
                return RateLimitSettings.adaptive(rateLimitMax).withMaxPause(maxPause);
            case "off":
                return RateLimitSettings.off();
            default:
                double perSecond;
                try {
                    perSecond = Double.parseDouble(mode);
                } catch (NumberFormatException e) {
                    perSecond = Double.NaN;
                }
                if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                    throw new IllegalArgumentException("quivo rateLimit must be adaptive, off or a positive number of"
                            + " requests per second, not '" + rateLimit + "'");
                }
                return RateLimitSettings.fixed(perSecond).withMaxPause(maxPause);
        }
    }

    /**
     * The base URL an account configuration resolves to: baseUrl, or the environment's URL; https unless
     * the host is loopback; no user or password in it. The service checks its settings with this same rule
     * before it starts.
     */
    public static String baseUrl(QuivoConfiguration config) {
        String url = config.getBaseUrl();
        if (url == null || url.isBlank()) {
            url = environmentUrl(config.getEnvironment());
        }
        if (hasUserInfo(url)) {
            // checked first and never echoed: every later message quotes the URL
            throw new IllegalArgumentException("quivo baseUrl must not carry a user or password"
                    + " (user:password@host); give them as the username and password options");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("quivo baseUrl is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("quivo baseUrl must be an http(s) URL with a host: " + url);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("quivo baseUrl must use https:// unless the host is loopback: " + url);
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** An '@' before the path, whether or not the rest parses: the URL's user info, perhaps with a password. */
    private static boolean hasUserInfo(String url) {
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int authorityEnd = url.length();
        for (char delimiter : new char[] {'/', '?', '#'}) {
            int at = url.indexOf(delimiter, authorityStart);
            if (at >= 0 && at < authorityEnd) {
                authorityEnd = at;
            }
        }
        return url.substring(authorityStart, authorityEnd).contains("@");
    }

    private static String environmentUrl(String environment) {
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("quivo needs baseUrl, or environment=production");
        }
        return switch (environment.trim().toLowerCase(Locale.ROOT)) {
            case "production" -> PRODUCTION_BASE_URL;
            case "sandbox" -> throw new IllegalArgumentException("quivo environment=sandbox: Quivo has not"
                    + " published its sandbox URL; set baseUrl to the one Quivo gave you");
            default -> throw new IllegalArgumentException(
                    "quivo environment must be production or sandbox, not '" + environment + "'");
        };
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name other than localhost: never resolve it just to decide this
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("quivo needs the " + option + " option");
        }
        return value;
    }
}
