package io.camelquivo.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.kafka.Replay;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter console on the management port ({@code /quivo/dead-letters}): a page, and the API it calls.
 * It exists only when a token is set ({@code QUIVO_CONSOLE_TOKEN}); without one, nothing is added and the path
 * answers 404 as any unknown path does.
 *
 * <p>camel-platform-http's {@code platform-http:} consumers bind to the main HTTP server only (here the webhook
 * port); the management server offers no option for paths of one's own. Its Vert.x router is in the registry,
 * though, under the name {@link VertxPlatformHttpRouter#getRouterNameFromPort}, and the management server adds
 * its own paths (health, metrics) the same way: this service adds the console's routes to it once Camel has
 * started, and removes them when it stops.
 */
public final class DeadLetterConsole extends ServiceSupport implements CamelContextAware {

    public static final String PATH = "/quivo/dead-letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterConsole.class);
    private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    private static final int MAX_NAME = 100;

    private final String token;
    private final int managementPort;
    private final List<String> secrets;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Route> routes = new ArrayList<>();
    private CamelContext camelContext;
    private ConsoleAuth auth;
    private TopicWindow deadLetterWindow;
    private TopicWindow auditWindow;
    private ProducerTemplate template;
    private DeadLetters deadLetters;

    /**
     * @param token          what every call must carry
     * @param managementPort where the management server listens
     * @param secrets        texts never to show (the API key, the password): replaced wherever they turn up
     */
    public DeadLetterConsole(String token, int managementPort, List<String> secrets) {
        this.token = token;
        this.managementPort = managementPort;
        this.secrets = new ArrayList<>(secrets);
        this.secrets.add(token);
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doStart() {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camelContext,
                VertxPlatformHttpRouter.getRouterNameFromPort(managementPort));
        if (router == null) {
            throw new IllegalStateException("The dead-letter console needs the management server on port "
                    + managementPort + " (camel.management.enabled)");
        }
        int window = positive("quivo.console.window", "10000");
        int maxCount = positive("quivo.replay.max-count", Integer.toString(Replay.DEFAULT_MAX_COUNT));
        String dlqTopic = camelContext.resolvePropertyPlaceholders("{{quivo.dlq-topic:quivo.dlq}}");
        String replayTopic = camelContext.resolvePropertyPlaceholders("{{quivo.replay-topic:quivo.dlq.replay}}");
        String auditTopic = camelContext.resolvePropertyPlaceholders(Replay.AUDIT_TOPIC);
        Properties kafka = kafkaConsumerProperties();
        auth = new ConsoleAuth(token);
        deadLetterWindow = new TopicWindow(kafka, dlqTopic, window, false);
        auditWindow = new TopicWindow(kafka, auditTopic, window, true);
        template = camelContext.createProducerTemplate();
        deadLetters = new DeadLetters(deadLetterWindow, auditWindow, template, replayTopic, maxCount, secrets);

        routes.add(router.route(PATH + "*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)));
        routes.add(router.route(PATH + "*").handler(this::securityHeaders));
        routes.add(router.route(HttpMethod.GET, PATH).handler(this::page));
        routes.add(router.route(HttpMethod.POST, PATH + "/login").handler(this::login));
        routes.add(router.route(HttpMethod.GET, PATH + "/console.js").handler(ctx -> asset(ctx, "console.js",
                "text/javascript; charset=utf-8")));
        routes.add(router.route(HttpMethod.GET, PATH + "/console.css").handler(ctx -> asset(ctx, "console.css",
                "text/css; charset=utf-8")));
        routes.add(router.route(PATH + "/api/*").handler(this::requireSignIn));
        routes.add(router.route(HttpMethod.GET, PATH + "/api/records").blockingHandler(this::list, false));
        routes.add(router.route(HttpMethod.GET, PATH + "/api/records/:id").blockingHandler(this::show, false));
        routes.add(router.route(HttpMethod.GET, PATH + "/api/replays").blockingHandler(this::replays, false));
        routes.add(router.route(HttpMethod.POST, PATH + "/api/resend").blockingHandler(this::resend, false));
        LOG.info("Dead-letter console on http://127.0.0.1:{}{} ({} newest records per partition of {}; replays"
                + " to {}, audit on {})", managementPort, PATH, window, dlqTopic, replayTopic, auditTopic);
    }

    @Override
    protected void doStop() {
        routes.forEach(Route::remove);
        routes.clear();
        if (template != null) {
            try {
                template.stop();
            } catch (Exception e) {
                LOG.debug("Stopping the console's producer: {}", e.toString());
            }
        }
        if (deadLetterWindow != null) {
            deadLetterWindow.close();
        }
        if (auditWindow != null) {
            auditWindow.close();
        }
    }

    /** camel-kafka's own settings (security included), so that the console reads the topic as the routes do. */
    private Properties kafkaConsumerProperties() {
        KafkaConfiguration configuration = camelContext.getComponent("kafka", KafkaComponent.class).getConfiguration()
                .copy();
        Properties properties = configuration.createConsumerProperties();
        String brokers = configuration.getBrokers() != null ? configuration.getBrokers()
                : camelContext.resolvePropertyPlaceholders("{{kafka.brokers}}");
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.values().removeIf(value -> value == null);
        return properties;
    }

    private int positive(String property, String defaultValue) {
        String text = camelContext.resolvePropertyPlaceholders("{{" + property + ":" + defaultValue + "}}");
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException unreadable) {
            // refused below, with the property's name
        }
        throw new IllegalArgumentException(property + " must be a positive number, not '" + text + "'");
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "same-origin") // no-referrer would make the browser send Origin: null
                .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
        ctx.next();
    }

    private boolean signedIn(RoutingContext ctx) {
        if (auth.bearer(ctx.request().getHeader("Authorization"))) {
            return true;
        }
        Cookie cookie = ctx.request().getCookie(ConsoleAuth.COOKIE);
        return cookie != null && auth.session(cookie.getValue());
    }

    /** A call that changes something: signed in, from this origin, and with the bearer token or the page's value. */
    private boolean mayChange(RoutingContext ctx) {
        if (!sameOrigin(ctx)) {
            return false;
        }
        return auth.bearer(ctx.request().getHeader("Authorization"))
                || signedIn(ctx) && auth.csrf(ctx.request().getHeader(ConsoleAuth.CSRF_HEADER));
    }

    private static boolean sameOrigin(RoutingContext ctx) {
        // the Host header of HTTP/1.1 or the :authority of HTTP/2
        HostAndPort called = ctx.request().authority();
        return ConsoleAuth.sameOrigin(ctx.request().getHeader("Origin"), ctx.request().getHeader("Sec-Fetch-Site"),
                called == null ? null : called.host(), called == null ? -1 : called.port());
    }

    private void page(RoutingContext ctx) {
        if (!signedIn(ctx)) {
            loginPage(ctx, 401, "");
            return;
        }
        html(ctx, 200, resource("dead-letters.html").replace("%CSRF%", auth.csrf()));
    }

    private void loginPage(RoutingContext ctx, int status, String message) {
        html(ctx, status, resource("login.html").replace("%MESSAGE%", message));
    }

    private void login(RoutingContext ctx) {
        if (!sameOrigin(ctx)) {
            error(ctx, 403, "cross-site request refused");
            return;
        }
        String given = formField(ctx.body().asString(), "token");
        if (!auth.isToken(given)) {
            LOG.warn("Dead-letter console: a sign-in with a wrong token from {}", ctx.request().remoteAddress());
            loginPage(ctx, 401, "That is not the console's token.");
            return;
        }
        ctx.response().addCookie(Cookie.cookie(ConsoleAuth.COOKIE, auth.session()).setPath(PATH).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
        ctx.response().setStatusCode(303).putHeader("Location", PATH).end();
    }

    private void requireSignIn(RoutingContext ctx) {
        if (signedIn(ctx)) {
            ctx.next();
        } else {
            error(ctx, 401, "sign in first, or send Authorization: Bearer <token>");
        }
    }

    private void asset(RoutingContext ctx, String name, String type) {
        if (!signedIn(ctx)) {
            error(ctx, 401, "sign in first");
            return;
        }
        ctx.response().putHeader("Content-Type", type).end(resource(name));
    }

    private void list(RoutingContext ctx) {
        try {
            DeadLetters.Filter filter = new DeadLetters.Filter(param(ctx, "status"), param(ctx, "reason"),
                    param(ctx, "source"), param(ctx, "operation"), param(ctx, "origin"), instant(param(ctx, "from")),
                    instant(param(ctx, "to")));
            String limit = param(ctx, "limit");
            int rows = limit == null ? 500 : Math.max(1, Math.min(DeadLetters.MAX_ROWS, Integer.parseInt(limit)));
            json(ctx, 200, deadLetters.list(filter, rows));
        } catch (IllegalArgumentException bad) {
            error(ctx, 400, bad.getMessage());
        }
    }

    private void show(RoutingContext ctx) {
        try {
            Object record = deadLetters.show(ctx.pathParam("id"));
            if (record == null) {
                error(ctx, 404, "no record " + ctx.pathParam("id") + " on the dead-letter topic");
            } else {
                json(ctx, 200, record);
            }
        } catch (IllegalArgumentException bad) {
            error(ctx, 400, bad.getMessage());
        }
    }

    private void replays(RoutingContext ctx) {
        json(ctx, 200, deadLetters.replays());
    }

    /** {"by": "a name", "records": [{"id": "0-12"}, {"id": "0-13", "payload": "..."}]}. */
    private void resend(RoutingContext ctx) {
        if (!mayChange(ctx)) {
            error(ctx, 403, "cross-site request refused: send the page's " + ConsoleAuth.CSRF_HEADER + " header");
            return;
        }
        try {
            JsonNode request = json.readTree(ctx.body().asString());
            String by = request == null ? "" : request.path("by").asText("").trim();
            if (by.isEmpty() || by.length() > MAX_NAME) {
                error(ctx, 400, "say who sends them again: \"by\", a name of 1 to " + MAX_NAME + " characters");
                return;
            }
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (JsonNode record : request.path("records")) {
                JsonNode payload = record.get("payload");
                records.add(new AbstractMap.SimpleEntry<>(record.path("id").asText(),
                        payload == null || payload.isNull() ? null : payload.asText()));
            }
            if (records.isEmpty() || records.size() > DeadLetters.MAX_RESEND) {
                error(ctx, 400, "name 1 to " + DeadLetters.MAX_RESEND + " records to send again");
                return;
            }
            json(ctx, 200, deadLetters.resend(by, records));
        } catch (IOException | IllegalArgumentException bad) {
            error(ctx, 400, bad.getMessage());
        } catch (IllegalStateException failed) {
            error(ctx, 503, failed.getMessage());
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void json(RoutingContext ctx, int status, Object body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, Map.of("error", deadLetters.scrub(message == null ? "" : message)));
    }

    private static void html(RoutingContext ctx, int status, String page) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an ISO-8601 time (2025-01-31T22:00:00Z): " + text);
        }
    }

    private static String formField(String body, String name) {
        if (body == null) {
            return null;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String resource(String name) {
        try (InputStream in = DeadLetterConsole.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
