package io.camelquivo.policy;

import io.camelquivo.client.QuivoCallListener;
import io.camelquivo.component.QuivoComponent;
import io.camelquivo.error.QuivoException;
import io.camelquivo.error.StatusFamily;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The policy's {@code onExceptionOccurred} step: decides right after each failure whether the message is
 * tried again and when. Camel asks {@code retryWhile} next, which reads {@link #RETRY}, and then takes the
 * delay from {@code CamelRedeliveryDelay}: that is how {@code Retry-After} reaches Camel's redelivery.
 *
 * <p>Redeliveries are counted per status family on the exchange, not by Camel's one counter, so that
 * throttling before an expired token never uses up the re-logins. The schedule is read when the bean gets
 * its context, so a bad {@code quivo.policy.*} value stops the start instead of the first failure.
 */
public class RetryDecision implements Processor, CamelContextAware {

    /** Exchange property: Boolean, whether the failed message is redelivered. */
    public static final String RETRY = "CamelQuivoRetry";
    /** Exchange property: the redeliveries made so far, per family. */
    static final String REDELIVERIES = "CamelQuivoRedeliveries";

    private static final Logger LOG = LoggerFactory.getLogger(RetryDecision.class);

    private CamelContext camelContext;
    private volatile RetrySchedule schedule;

    public RetryDecision() {
    }

    public RetryDecision(RetrySchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        if (schedule == null && camelContext != null) {
            schedule = RetrySchedule.from(camelContext);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        QuivoException quivo = failure instanceof QuivoException q ? q : null;
        StatusFamily family = quivo == null ? StatusFamily.INVALID_INPUT : quivo.getFamily();
        int redelivery = countRedelivery(exchange, family);
        Duration elapsed = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - exchange.getClock().getCreated()));
        // while the route is paused for an outage, Quivo is known to be away: no message waits again for it
        boolean paused = OutagePause.isPaused(exchange);
        Optional<Duration> delay = family.waitingFixes() && paused ? Optional.empty()
                : schedule(exchange).next(family, quivo == null ? null : quivo.getRetryAfter(), redelivery, elapsed,
                        ThreadLocalRandom.current().nextDouble());

        exchange.setProperty(RETRY, delay.isPresent());
        // the component's listener counts it (QuivoMetrics) and traces it; the policy itself knows no meters
        QuivoComponent.listenerOf(exchange.getContext()).onRedeliveryDecision(new QuivoCallListener.RedeliveryDecision(
                quivo == null ? null : quivo.getOperation(), family, redelivery, delay.orElse(null)));
        if (delay.isPresent()) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay.get().toMillis());
            LOG.debug("Redelivery {} ({}) of {} in {} ms after {}", redelivery, family, exchange.getExchangeId(),
                    delay.get().toMillis(), quivo == null ? failure : quivo.getMessage());
            return;
        }
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        if (family.waitingFixes()) {
            // once paused, the pause itself was the WARN; each further message would only repeat it
            LOG.atLevel(paused ? Level.DEBUG : Level.WARN).log(
                    "Not settled after {} s; the message stays in its source for a later attempt: {}",
                    elapsed.toSeconds(), quivo.getMessage());
        }
    }

    /** Counts this redelivery in its family and says which one of the family it is (1 for the first). */
    @SuppressWarnings("unchecked")
    private static int countRedelivery(Exchange exchange, StatusFamily family) {
        Map<StatusFamily, Integer> counts = exchange.getProperty(REDELIVERIES, Map.class);
        if (counts == null) {
            counts = new EnumMap<>(StatusFamily.class);
            exchange.setProperty(REDELIVERIES, counts);
        }
        return counts.merge(family, 1, Integer::sum);
    }

    private RetrySchedule schedule(Exchange exchange) {
        RetrySchedule current = schedule;
        if (current == null) {
            current = RetrySchedule.from(exchange.getContext());
            schedule = current;
        }
        return current;
    }
}
