package io.camelquivo.webhook;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one webhook call may take from the receiver, whoever sends it: a body of at most {@code maxBodyBytes}
 * ({@code quivo.webhook.max-body-bytes}, 1 MiB), which must arrive whole within {@code readTimeout} ms of its
 * headers ({@code quivo.webhook.read-timeout}, 10 s). Quivo's calls are a few hundred bytes.
 *
 * <p>Both are enforced before Camel sees the call, by a handler this step puts in front of the route on the
 * Vert.x router of camel-platform-http's main server while the route runs: a {@code Content-Length} over the
 * limit is answered {@code 413} at once (the rest of the body is read and dropped, never kept), and a call whose
 * request has not arrived whole in time is answered {@code 408}; either way the connection is closed then. The receiver holds no
 * thread for a slow client (Vert.x reads on its event loop) and at most the limit in memory. A body sent without
 * a length (chunked) is cut off at the limit by the server's own {@code camel.server.max-body-size}, which the
 * service sets to the same value; as a step, this checks the body's size once more, for a server set otherwise.
 */
public class WebhookLimits extends ServiceSupport implements Processor, CamelContextAware {

    static final String PATHS = "/quivo/webhooks/*";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookLimits.class);

    private CamelContext camelContext;
    private long maxBodyBytes = 1_048_576;
    private long readTimeout = 10_000;
    private volatile Route guard;

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body != null && body.length > maxBodyBytes) {
            throw new WebhookTooLargeException(tooLarge(body.length));
        }
    }

    @Override
    protected void doStart() {
        VertxPlatformHttpRouter router = camelContext == null ? null
                : camelContext.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                        .filter(VertxPlatformHttpRouter::isMainServer).findFirst().orElse(null);
        if (router == null) {
            LOG.warn("No Vert.x router of camel-platform-http's main server: webhook calls are not held to {} ms"
                    + " and a Content-Length over {} bytes is read before it is refused", readTimeout, maxBodyBytes);
            return;
        }
        // before the route's own handlers (the body is read by one of them); removed again when the route stops
        guard = router.route(PATHS).order(Integer.MIN_VALUE).handler(this::guard).failureHandler(this::failed);
    }

    @Override
    protected void doStop() {
        Route installed = guard;
        guard = null;
        if (installed != null) {
            installed.remove();
        }
    }

    private void guard(RoutingContext call) {
        HttpServerRequest request = call.request();
        String length = request.getHeader("Content-Length");
        if (length != null && length.length() <= 18 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodyBytes) {
            LOG.info("Webhook call refused with 413: {}", tooLarge(Long.parseLong(length)));
            refuseAndDrain(call, tooLarge(Long.parseLong(length)));
            return;
        }
        if (!request.isEnded()) {
            long timer = call.vertx().setTimer(readTimeout, fired -> {
                if (!request.isEnded() && !call.response().ended()) {
                    LOG.info("Webhook call refused with 408: its request did not arrive whole within {} ms",
                            readTimeout);
                    refuse(call, 408, "the request did not arrive whole within " + readTimeout
                            + " ms (quivo.webhook.read-timeout)");
                }
            });
            call.addEndHandler(ended -> call.vertx().cancelTimer(timer));
        }
        call.next();
    }

    /**
     * The server's body reader failed the call: with 413 for a body without a length that grew past
     * {@code camel.server.max-body-size}, answered here with the reason instead of Vert.x's bare status and an
     * ERROR line; or as the connection of a call refused above was closed, with nothing left to answer.
     */
    private void failed(RoutingContext call) {
        if (call.response().ended()) {
            return;
        }
        if (call.statusCode() == 413) {
            String reason = "the body is more than the " + maxBodyBytes
                    + " bytes a webhook call may have (quivo.webhook.max-body-bytes)";
            LOG.info("Webhook call refused with 413: {}", reason);
            call.response().setStatusCode(413).putHeader("Content-Type", "text/plain; charset=UTF-8").end(reason);
            return;
        }
        call.next();
    }

    /** Answers and closes the connection: a slow client's request is not waited for any longer. */
    private static void refuse(RoutingContext call, int status, String reason) {
        call.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=UTF-8")
                .putHeader("Connection", "close").end(reason)
                .onComplete(written -> call.request().connection().close());
    }

    /**
     * Answers 413 at once, then reads what the client still sends and drops it, and closes the connection when
     * the request ends, or after the read timeout. Closed at once, the connection would be reset under a client
     * that is still sending, and the reset can reach it before it reads the answer: it would see a broken
     * connection instead of the 413. Nothing of the body is kept.
     */
    private void refuseAndDrain(RoutingContext call, String reason) {
        HttpServerRequest request = call.request();
        long timer = call.vertx().setTimer(readTimeout, fired -> request.connection().close());
        request.handler(dropped -> { });
        request.exceptionHandler(closed -> { });
        request.endHandler(ended -> {
            call.vertx().cancelTimer(timer);
            request.connection().close();
        });
        call.response().setStatusCode(413).putHeader("Content-Type", "text/plain; charset=UTF-8")
                .putHeader("Connection", "close").end(reason);
        request.resume();
    }

    private String tooLarge(long bytes) {
        return "the body is " + bytes + " bytes, more than the " + maxBodyBytes
                + " bytes a webhook call may have (quivo.webhook.max-body-bytes)";
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("quivo.webhook.max-body-bytes must be at least 1: " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        if (readTimeout < 1) {
            throw new IllegalArgumentException("quivo.webhook.read-timeout must be at least 1 ms: " + readTimeout);
        }
        this.readTimeout = readTimeout;
    }
}
