package io.camelquivo.service;

import io.camelquivo.client.LoginSession;
import io.camelquivo.component.QuivoComponent;
import java.net.URI;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * DOWN while the last login of any Quivo account failed; UP when every last login succeeded or none was
 * needed yet. A readiness check only: a restart cannot fix wrong credentials, so liveness stays out of it.
 */
public final class QuivoLoginHealthCheck extends AbstractHealthCheck {

    public static final String ID = "quivo-login";

    public QuivoLoginHealthCheck() {
        super("quivo", ID);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        QuivoComponent component = getCamelContext().hasComponent("quivo") instanceof QuivoComponent found
                ? found : null;
        int sessions = 0;
        int failed = 0;
        if (component != null) {
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
        }
        builder.detail("sessions", sessions).detail("failedLogins", failed);
        if (failed > 0) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
