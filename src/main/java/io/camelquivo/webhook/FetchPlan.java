package io.camelquivo.webhook;

import io.camelquivo.component.QuivoConstants;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entity-to-fetch mapping: how the full JSON of an event's entity is asked from Quivo.
 *
 * <pre>
 * entity      call                                  through                  setting
 * ORDERS      POST /orders/{id}/refetch             quivo:orders.refetch     -
 * SHIPMENTS   GET  /shipments/{id}                  quivo:request            quivo.webhook.fetch.shipments
 * RETURNS     GET  /returns/{id}                    quivo:request            quivo.webhook.fetch.returns
 * INBOUNDS    GET  /inbounds/{id}  (not documented) quivo:request            quivo.webhook.fetch.inbounds
 * INVOICES    none documented: acknowledged, not published                   quivo.webhook.fetch.invoices
 * any other   none: acknowledged, not published                              quivo.webhook.fetch.&lt;entity&gt;
 * </pre>
 *
 * A setting holds a path with {@code {id}} in it (e.g. {@code /invoices/{id}}); an empty one means "not
 * fetched". The step takes the split's {@link WebhookEvent} into the exchange property {@link #EVENT}, sets
 * {@link #FETCH} to the quivo operation to call (absent: nothing to fetch) with its headers, {@link #DEDUP_KEY}
 * to the key of the idempotent consumer, and clears the body, which a GET must not carry.
 */
public class FetchPlan implements Processor {

    /** Exchange property: the {@link WebhookEvent} being handled. */
    public static final String EVENT = "CamelQuivoWebhookEvent";
    /** Exchange property: {@code orders.refetch} or {@code request}; absent when the entity is not fetched. */
    public static final String FETCH = "CamelQuivoWebhookFetch";
    /** Exchange property: the key under which a published version is remembered. */
    public static final String DEDUP_KEY = "CamelQuivoWebhookDedupKey";

    public static final String REFETCH_ORDER = "orders.refetch";
    public static final String REQUEST = "request";
    /** Settings {@code quivo.webhook.fetch.<entity in lower case>}. */
    public static final String SETTING_PREFIX = "quivo.webhook.fetch.";

    private static final Map<String, String> DEFAULT_PATHS = Map.of(
            "SHIPMENTS", "/shipments/{id}",
            "RETURNS", "/returns/{id}",
            "INBOUNDS", "/inbounds/{id}",
            "INVOICES", "");

    private static final Logger LOG = LoggerFactory.getLogger(FetchPlan.class);

    private final Map<String, Optional<String>> paths = new ConcurrentHashMap<>();
    private final Set<String> toldAbout = ConcurrentHashMap.newKeySet();

    @Override
    public void process(Exchange exchange) throws Exception {
        WebhookEvent event = exchange.getMessage().getMandatoryBody(WebhookEvent.class);
        Message message = exchange.getMessage();
        message.setBody(null);
        exchange.setProperty(EVENT, event);
        exchange.removeProperty(FETCH);
        String key = event.dedupKey();
        // neither version nor time: nothing tells this change from the next, so it is published every time
        exchange.setProperty(DEDUP_KEY, key != null ? key : event.recordKey() + ":" + UUID.randomUUID());

        if ("ORDERS".equals(event.entity())) {
            message.setHeader(QuivoConstants.ORDER_ID, event.id());
            exchange.setProperty(FETCH, REFETCH_ORDER);
            return;
        }
        Optional<String> path = paths.computeIfAbsent(event.entity(), entity -> path(exchange.getContext(), entity));
        if (path.isEmpty()) {
            notFetched(event);
            return;
        }
        message.setHeader(QuivoConstants.HTTP_METHOD, "GET");
        message.setHeader(QuivoConstants.PATH, path.get().replace("{id}", Long.toString(event.id())));
        exchange.setProperty(FETCH, REQUEST);
    }

    /** The path template for an entity other than ORDERS, from its setting or the default; empty: not fetched. */
    static Optional<String> path(CamelContext camel, String entity) {
        String setting = SETTING_PREFIX + entity.toLowerCase(Locale.ROOT);
        String path = camel.getPropertiesComponent().resolveProperty(setting)
                .orElse(DEFAULT_PATHS.getOrDefault(entity, "")).trim();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (!path.startsWith("/") || !path.contains("{id}")) {
            throw new IllegalArgumentException(setting + " must be a path starting with / that holds {id}, e.g."
                    + " /" + entity.toLowerCase(Locale.ROOT) + "/{id}: " + path);
        }
        return Optional.of(path);
    }

    private void notFetched(WebhookEvent event) {
        String setting = SETTING_PREFIX + event.entity().toLowerCase(Locale.ROOT);
        if (toldAbout.add(event.entity())) {
            // once per entity name at INFO (WARN for names Quivo does not document), then at DEBUG
            String text = "Webhook events of {} are acknowledged and not published: Quivo documents no call to fetch"
                    + " them (set {} to a path like /{}/{id} to publish them); first: {}";
            Object[] args = {event.entity(), setting, event.entity().toLowerCase(Locale.ROOT), event.describe()};
            if (DEFAULT_PATHS.containsKey(event.entity())) {
                LOG.info(text, args);
            } else {
                LOG.warn(text, args);
            }
        } else {
            LOG.debug("Webhook event {} acknowledged, not published", event.describe());
        }
    }
}
