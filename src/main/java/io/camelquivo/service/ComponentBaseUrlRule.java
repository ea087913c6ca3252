package io.camelquivo.service;

import io.camelquivo.component.QuivoConfiguration;
import io.camelquivo.component.QuivoSettings;

/**
 * The component's own base-URL rule ({@code https://} unless the host is loopback; {@code production}
 * picks Quivo's URL; {@code sandbox} needs a URL), applied before anything starts, so that the service and
 * the component can never disagree about what is allowed.
 */
final class ComponentBaseUrlRule {

    private ComponentBaseUrlRule() {
    }

    /** The base URL the component will use; an IllegalArgumentException with the component's reason if none. */
    static String effectiveBaseUrl(String baseUrl, String environment) {
        QuivoConfiguration config = new QuivoConfiguration();
        config.setBaseUrl(baseUrl);
        config.setEnvironment(environment);
        return QuivoSettings.baseUrl(config);
    }
}
