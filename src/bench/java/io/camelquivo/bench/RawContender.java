package io.camelquivo.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 (classic, pooled) used directly: the fastest plain client on this classpath, the baseline. */
final class RawContender implements Contender {

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final URI orders;
    private final String apiKey;
    private final TokenCache tokens;

    RawContender(SimulatorProcess quivo, int connections) {
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
        this.orders = URI.create(quivo.baseUrl() + "/orders");
        this.apiKey = quivo.apiKey();
        URI login = URI.create(quivo.baseUrl() + "/login");
        String loginBody = TokenCache.loginBody(quivo.username(), quivo.password());
        this.tokens = new TokenCache(() -> {
            HttpPost post = new HttpPost(login);
            post.setHeader("X-Api-Key", apiKey);
            post.setHeader("Accept", "application/json");
            post.setEntity(new ByteArrayEntity(loginBody.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
            String answer = client.execute(post, response -> {
                String body = EntityUtils.toString(response.getEntity());
                if (response.getCode() != 200) {
                    throw new IOException("login answered " + response.getCode());
                }
                return body;
            });
            return TokenCache.tokenOf(answer);
        });
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void create(byte[] order) throws Exception {
        String token = tokens.token();
        HttpPost post = new HttpPost(orders);
        post.setHeader("Authorization", token);
        post.setHeader("X-Api-Key", apiKey);
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(order, ContentType.APPLICATION_JSON));
        int status = client.execute(post, response -> {
            EntityUtils.toString(response.getEntity());
            return response.getCode();
        });
        if (status == 401) {
            tokens.refused(token);
        }
        if (status / 100 != 2) {
            throw new IOException("POST /orders answered " + status);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
        pool.close();
    }
}
