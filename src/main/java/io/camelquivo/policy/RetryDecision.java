package io.camelquivo.policy;

import io.camelquivo.error.QuivoException;
import io.camelquivo.error.StatusFamily;
import io.camelquivo.metrics.QuivoMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy's {@code onExceptionOccurred} step: decides right after each failure whether the message is
 * tried again and when. Camel asks {@code retryWhile} next, which reads {@link #RETRY}, and then takes the
 * delay from {@code CamelRedeliveryDelay}: that is how {@code Retry-After} reaches Camel's redelivery.
 */
public class RetryDecision implements Processor {

    /** Exchange property: Boolean, whether the failed message is redelivered. */
    public static final String RETRY = "CamelQuivoRetry";

    private static final Logger LOG = LoggerFactory.getLogger(RetryDecision.class);

    private volatile RetrySchedule schedule;

    public RetryDecision() {
    }

    public RetryDecision(RetrySchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        QuivoException quivo = failure instanceof QuivoException q ? q : null;
        StatusFamily family = quivo == null ? StatusFamily.INVALID_INPUT : quivo.getFamily();
        int redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Duration elapsed = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - exchange.getClock().getCreated()));
        Optional<Duration> delay = schedule(exchange).next(family, quivo == null ? null : quivo.getRetryAfter(),
                redelivery, elapsed, ThreadLocalRandom.current().nextDouble());

        exchange.setProperty(RETRY, delay.isPresent());
        if (delay.isPresent()) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, delay.get().toMillis());
            QuivoMetrics.of(exchange.getContext()).onRedelivery(family);
            LOG.debug("Redelivery {} of {} in {} ms after {}", redelivery, exchange.getExchangeId(),
                    delay.get().toMillis(), quivo == null ? failure : quivo.getMessage());
        } else {
            exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        }
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
