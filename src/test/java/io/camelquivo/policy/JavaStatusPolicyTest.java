package io.camelquivo.policy;

import io.camelquivo.kafka.QuivoDeadLetterRoute;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/** The status table with the Java DSL policy. */
class JavaStatusPolicyTest extends StatusPolicyContract {

    @Override
    protected List<RoutesBuilder> policy() {
        return List.of(new QuivoErrorPolicy(), new QuivoDeadLetterRoute());
    }
}
