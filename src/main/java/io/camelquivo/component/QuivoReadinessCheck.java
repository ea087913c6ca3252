package io.camelquivo.component;

import org.apache.camel.health.HealthCheck;

/**
 * A readiness check of the connector, in the {@code quivo} group: what it reports is nothing a restart would
 * fix, so it stays out of liveness. The checks implement Camel's interface rather than extending camel-health's
 * base class, so that the component and the policy do not need camel-health.
 */
public abstract class QuivoReadinessCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    protected QuivoReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public final String getGroup() {
        return "quivo";
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public final boolean isLiveness() {
        return false;
    }
}
