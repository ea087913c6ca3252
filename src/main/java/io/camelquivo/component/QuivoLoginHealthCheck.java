package io.camelquivo.component;

import io.camelquivo.client.LoginSession;
import java.net.URI;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * DOWN while the last login of any Quivo account failed; UP when every last login succeeded or none was
 * needed yet. A readiness check only: a restart cannot fix wrong credentials, so liveness stays out of it.
 *
 * <p>{@link QuivoComponent} registers it in Camel's health-check registry when it starts, wherever camel-health
 * is present (camel-main, Spring Boot, Quarkus). It implements the interface rather than extending
 * camel-health's base class, so that the component does not need camel-health.
 */
public final class QuivoLoginHealthCheck implements HealthCheck {

    public static final String ID = "quivo-login";
    private static final String GROUP = "quivo";

    private final QuivoComponent component;
    private volatile boolean enabled = true;

    public QuivoLoginHealthCheck(QuivoComponent component) {
        this.component = component;
    }

    @Override
    public String getGroup() {
        return GROUP;
    }

    @Override
    public String getId() {
        return ID;
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
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        int sessions = 0;
        int failed = 0;
        for (LoginSession session : component.getSessions()) {
            sessions++;
            if (Boolean.FALSE.equals(session.lastLoginSucceeded())) {
                failed++;
                // the user and the host only: never the password or the key, and no slashes, which the
                // health JSON would escape beyond reading
                builder.message("the last Quivo login failed for " + session.credentials().username() + " at "
                        + URI.create(session.credentials().baseUrl()).getAuthority());
            }
        }
        builder.detail("sessions", sessions).detail("failedLogins", failed);
        return (failed > 0 ? builder.down() : builder.up()).build();
    }
}
