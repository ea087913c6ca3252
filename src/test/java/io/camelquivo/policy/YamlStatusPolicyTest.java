package io.camelquivo.policy;

import java.util.List;
import org.apache.camel.RoutesBuilder;

/** The status table with routes/quivo-error-policy.yaml. */
class YamlStatusPolicyTest extends StatusPolicyContract {

    @Override
    protected List<RoutesBuilder> policy() throws Exception {
        return yamlRoutes("quivo-error-policy.yaml");
    }
}
