package io.camelquivo.component;

import io.camelquivo.client.LoginSession;
import java.net.URI;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * DOWN while the last login of any Quivo account failed; UP when every last login succeeded or none was
 * needed yet. A readiness check only: a restart cannot fix wrong credentials.
 *
 * <p>{@link QuivoComponent} registers it in Camel's health-check registry when it starts, wherever camel-health
 * is present (camel-main, Spring Boot, Quarkus).
 */
public final class QuivoLoginHealthCheck extends QuivoReadinessCheck {

    public static final String ID = "quivo-login";

    private final QuivoComponent component;

    public QuivoLoginHealthCheck(QuivoComponent component) {
        super(ID);
        this.component = component;
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
