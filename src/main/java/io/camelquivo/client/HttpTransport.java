package io.camelquivo.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 with a connection pool, and with its own retries, redirects and {@code Retry-After}
 * sleeping switched off: the error policy alone decides when to call again.
 */
public final class HttpTransport implements Closeable {

    /** One HTTP answer, any status. Header lookups ignore case; repeated headers are joined with ", ". */
    public record RawResponse(int status, String reasonPhrase, Map<String, String> headers, byte[] body) {
    }

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    public HttpTransport(TransportSettings settings) {
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.sslContext() != null) {
            poolBuilder.setTlsSocketStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).buildClassic());
        }
        this.pool = poolBuilder.build();
        var clientBuilder = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-quivo")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.connectionRequestTimeout()))
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .build());
        if (settings.proxy() != null && !settings.proxy().isBlank()) {
            clientBuilder.setProxy(HttpHost.create(URI.create(settings.proxy())));
        }
        this.client = clientBuilder.build();
    }

    public RawResponse send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        return client.execute(request, response -> {
            Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Header header : response.getHeaders()) {
                responseHeaders.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
            }
            byte[] content = response.getEntity() == null ? null : EntityUtils.toByteArray(response.getEntity());
            return new RawResponse(response.getCode(), response.getReasonPhrase(), responseHeaders, content);
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
        pool.close();
    }
}
