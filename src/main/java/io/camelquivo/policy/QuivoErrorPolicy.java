package io.camelquivo.policy;

import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.QuivoServerErrorException;
import io.camelquivo.error.QuivoThrottledException;
import io.camelquivo.error.QuivoUnauthorizedException;
import io.camelquivo.error.QuivoUnavailableException;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * The status policy for Java DSL routes, the same as {@code routes/quivo-error-policy.yaml}. Add it with
 * {@link QuivoDeadLetterRoute} and let routes opt in with {@code .routeConfigurationId(QuivoErrorPolicy.ID)}.
 *
 * <pre>
 * 401, or a 403 meaning the token expired       redeliver (the refused token is already dropped)
 * 429, 503, 504                                 redeliver after Retry-After, or backoff with jitter
 * 500, 502, no answer                           a few redeliveries with backoff
 * any other failure                             no redelivery
 * </pre>
 * Then the message is dead-lettered; {@link RetrySchedule} holds the numbers.
 */
public class QuivoErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "quivo-error-policy";
    public static final String DEAD_LETTER = "direct:quivo-dead-letter";

    @Override
    public void configuration() {
        RetryDecision decision = new RetryDecision();
        RouteConfigurationDefinition policy = routeConfiguration(ID);

        // 401, or a 403 meaning the token expired
        retried(policy.onException(QuivoUnauthorizedException.class), decision);
        // 429, 503, 504
        retried(policy.onException(QuivoThrottledException.class, QuivoUnavailableException.class), decision);
        // 500, 502, no answer
        retried(policy.onException(QuivoServerErrorException.class, QuivoConnectionException.class), decision);
        // 400, 404, 405, 409, 413, 415, 422, any other 4xx, 501, any other 403, a refused login, unusable input
        deadLettered(policy.onException(Exception.class).maximumRedeliveries(0));
    }

    private void retried(OnExceptionDefinition clause, RetryDecision decision) {
        deadLettered(clause.onExceptionOccurred(decision)
                .retryWhile(exchangeProperty(RetryDecision.RETRY).isEqualTo(true))
                .logRetryAttempted(false));
    }

    private static void deadLettered(OnExceptionDefinition clause) {
        clause.logExhausted(false).handled(true).useOriginalMessage().to(DEAD_LETTER);
    }
}
