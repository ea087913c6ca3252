package io.camelquivo.policy;

import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.error.QuivoTransientException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * The status policy for Java DSL routes, the same as {@code routes/quivo-error-policy.yaml}. Add it with
 * {@link QuivoDeadLetterRoute} and let routes opt in with {@code .routeConfigurationId(QuivoErrorPolicy.ID)};
 * add an {@link OutagePauseFactory} to the context so that such routes pause while Quivo is away.
 *
 * <pre>
 * 401, expired 403, 429, 503, 504,    redeliver (re-login at once, else Retry-After or backoff); once the budget
 * no answer, an unresolved create     is spent the message stays in its source and the route pauses
 * 500, 502                            a few redeliveries with backoff, then dead-letter
 * anything else                       dead-letter at once
 * </pre>
 * {@link RetrySchedule} holds the numbers.
 */
public class QuivoErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "quivo-error-policy";
    public static final String DEAD_LETTER = "direct:quivo-dead-letter";

    @Override
    public void configuration() {
        RetryDecision decision = new RetryDecision();
        decision.setCamelContext(getCamelContext());
        RouteConfigurationDefinition policy = routeConfiguration(ID);

        // waiting fixes it: never dead-lettered; unhandled once the budget is spent, so it stays in its source
        // with a step of its own, or Camel would run the dead-letter steps of an earlier 500's clause (LeaveInSource)
        redelivered(policy.onException(QuivoTransientException.class), decision).handled(false)
                .process(new LeaveInSource());
        // 500, 502
        deadLettered(redelivered(policy.onException(QuivoServerErrorException.class), decision));
        // 400, 404, 405, 409, 413, 415, 422, any other 4xx, 501, any other 403, a refused login, unusable input
        deadLettered(policy.onException(Exception.class).maximumRedeliveries(0));
    }

    private OnExceptionDefinition redelivered(OnExceptionDefinition clause, RetryDecision decision) {
        return clause.onExceptionOccurred(decision)
                .retryWhile(exchangeProperty(RetryDecision.RETRY).isEqualTo(true))
                // a wait is scheduled, not slept: it holds no thread, and the messages behind it go on
                .asyncDelayedRedelivery()
                .logRetryAttempted(false).logExhausted(false);
    }

    private static void deadLettered(OnExceptionDefinition clause) {
        clause.logExhausted(false).handled(true).useOriginalMessage().to(DEAD_LETTER);
    }
}
