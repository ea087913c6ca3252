package io.camelquivo.client;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the shared connection pool talks to Quivo. One pool serves every session of a component.
 *
 * @param connectTimeout           time to open a TCP connection
 * @param responseTimeout          time to wait for an answer once the request is sent
 * @param connectionRequestTimeout time to wait for a free pooled connection
 * @param maxConnections           pool size (also the per-route limit: Quivo is one host)
 * @param sslContext               TLS settings, or null for the JVM's defaults
 * @param proxy                    an HTTP proxy as {@code scheme://host:port}, or null
 */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, Duration connectionRequestTimeout,
        int maxConnections, SSLContext sslContext, String proxy) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 50, null,
                null);
    }
}
