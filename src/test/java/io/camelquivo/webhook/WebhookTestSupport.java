package io.camelquivo.webhook;

import io.camelquivo.testing.RoutesTestSupport;
import io.camelquivo.testing.TestKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * routes/quivo-webhooks.yaml against the simulator and the shared broker, served by camel-platform-http's main
 * server on a free loopback port inside the test's Camel context, called with the JDK's HttpClient.
 */
abstract class WebhookTestSupport extends RoutesTestSupport {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    protected final String secret = "wh-" + UUID.randomUUID();
    protected final String eventsTopic = TestKafka.uniqueTopic("events");
    protected final String dedupTopic = TestKafka.uniqueTopic("dedup");
    protected final int port = freePort();
    protected final int managementPort = freePort();

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.webhook.enabled", "true");
        p.put("quivo.webhook-secret", secret);
        p.put("quivo.events-topic", eventsTopic);
        p.put("quivo.events.dedup-topic", dedupTopic);
        p.put("quivo.kafka.max-block-ms", "3000");
        p.put("quivo.kafka.request-timeout-ms", "1000");
        p.put("quivo.kafka.delivery-timeout-ms", "2000");
        return p;
    }

    /** Polling for changes on, fast and in pages of two, its cursors kept in {@code stateFile}. */
    protected static void pollQuickly(Properties p, Path stateFile) {
        p.put("quivo.changes.enabled", "true");
        p.put("quivo.changes.delay", "150");
        p.put("quivo.changes.initial-delay", "0");
        p.put("quivo.changes.page-size", "2");
        p.put("quivo.changes.state-file", stateFile.toString());
    }

    /** The change events too: a secret must not ride along in their keys or headers. */
    @Override
    protected List<String> scannedTopics() {
        return List.of(dlqTopic, eventsTopic);
    }

    /** Whether the webhook port is served at all; the service turns the server on only with a secret. */
    protected boolean httpServer() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        if (httpServer()) {
            // what camel-main does for camel.server.enabled=true, camel.server.port=..., and beside it the
            // service's management server (camel.management.*), where the route must not land
            MainConfigurationProperties main = new MainConfigurationProperties();
            HttpServerConfigurationProperties server = main.httpServer();
            server.setEnabled(true);
            server.setHost("127.0.0.1");
            server.setPort(port);
            // as application.properties sets it from quivo.webhook.max-body-bytes
            server.setMaxBodySize(Long.valueOf(properties().getProperty("quivo.webhook.max-body-bytes", "1048576")));
            HttpManagementServerConfigurationProperties management = main.httpManagementServer();
            management.setEnabled(true);
            management.setHost("127.0.0.1");
            management.setPort(managementPort);
            management.setHealthCheckEnabled(true);
            DefaultMainHttpServerFactory factory = new DefaultMainHttpServerFactory();
            factory.setCamelContext(camel);
            camel.addService(factory.newHttpServer(camel, server), true, true);
            camel.addService(factory.newHttpManagementServer(camel, management), true, true);
        }
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        return yaml("quivo-webhooks.yaml");
    }

    protected String url(String pathSecret) {
        return "http://127.0.0.1:" + port + "/quivo/webhooks/" + pathSecret;
    }

    protected HttpResponse<String> post(String body) {
        return post(url(secret), body);
    }

    protected HttpResponse<String> post(String url, String body) {
        try {
            return postAsync(url, body).get();
        } catch (Exception e) {
            throw new IllegalStateException("POST " + url + " failed", e);
        }
    }

    protected CompletableFuture<HttpResponse<String>> postAsync(String url, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code {"events":[...]}} from {@code entity, id, version} triples. */
    protected static String events(Object... entityIdVersion) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < entityIdVersion.length; i += 3) {
            events.append(events.length() == 0 ? "" : ",").append(event((String) entityIdVersion[i],
                    ((Number) entityIdVersion[i + 1]).longValue(), ((Number) entityIdVersion[i + 2]).longValue()));
        }
        return "{\"events\":[" + events + "]}";
    }

    protected static String event(String entity, long id, long version) {
        return "{\"id\":" + id + ",\"entity\":\"" + entity + "\",\"lastModified\":\"" + lastModified(version)
                + "\",\"version\":" + version + "}";
    }

    protected static String lastModified(long version) {
        return "2026-03-0" + Math.min(version, 9) + "T10:15:30Z";
    }

    /** How many records the events topic holds: answered 200 means written, so no waiting is needed. */
    protected long published() {
        return endOffset(eventsTopic);
    }

    protected boolean topicExists(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers()))) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    protected long endOffset(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                    .offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected List<ConsumerRecord<byte[], byte[]>> records(int count) {
        return kafka().read(eventsTopic, count, Duration.ofSeconds(10));
    }

    protected static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b,
                        TreeMap::new));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
