package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.QuivoSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuivoLoginHealthCheckTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    @Test
    void upBeforeAnyLoginAndAfterAGoodOne() throws Exception {
        try (CamelContext camel = camelWithAccount(sim.simulator().password())) {
            HealthCheck check = checkOf(camel);
            assertEquals(HealthCheck.State.UP, check.call().getState());
            assertFalse(check.isLiveness());
            assertTrue(check.isReadiness());

            try (ProducerTemplate template = camel.createProducerTemplate()) {
                template.requestBody("quivo:warehouses.list", null, String.class);
            }
            assertEquals(HealthCheck.State.UP, check.call().getState());
        }
    }

    @Test
    void downWhileTheLastLoginFailedWithoutShowingTheSecret() throws Exception {
        try (CamelContext camel = camelWithAccount("wrong-password-5d1e")) {
            try (ProducerTemplate template = camel.createProducerTemplate()) {
                assertThrows(CamelExecutionException.class,
                        () -> template.requestBody("quivo:warehouses.list", null, String.class));
            }
            HealthCheck.Result result = checkOf(camel).call();
            assertEquals(HealthCheck.State.DOWN, result.getState());
            String message = result.getMessage().orElseThrow();
            assertEquals("the last Quivo login failed for " + sim.simulator().username() + " at 127.0.0.1:"
                    + sim.simulator().port(), message);
            assertFalse(message.contains("wrong-password-5d1e") || message.contains(sim.simulator().apiKey()));
        }
    }

    private static CamelContext camelWithAccount(String password) {
        CamelContext camel = new DefaultCamelContext();
        QuivoComponent quivo = new QuivoComponent();
        quivo.getConfiguration().setBaseUrl(sim.simulator().baseUrl());
        quivo.getConfiguration().setApiKey(sim.simulator().apiKey());
        quivo.getConfiguration().setUsername(sim.simulator().username());
        quivo.getConfiguration().setPassword(password);
        camel.addComponent("quivo", quivo);
        camel.start();
        return camel;
    }

    /** The component registered it, as it does in any application with camel-health: no wiring by hand. */
    private static HealthCheck checkOf(CamelContext camel) {
        HealthCheck check = HealthCheckHelper.getHealthCheck(camel, QuivoLoginHealthCheck.ID);
        assertNotNull(check, "the quivo component registers its login check when it starts");
        return check;
    }

    @Test
    void notRegisteredWhenTheComponentsHealthChecksAreOff() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        QuivoComponent quivo = new QuivoComponent();
        quivo.setHealthCheckProducerEnabled(false);
        quivo.setHealthCheckConsumerEnabled(false);
        camel.addComponent("quivo", quivo);
        try (camel) {
            camel.start();
            assertNull(HealthCheckHelper.getHealthCheck(camel, QuivoLoginHealthCheck.ID));
        }
    }
}
