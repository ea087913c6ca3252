package io.camelquivo.component;

import io.camelquivo.testing.Concurrently;
import io.camelquivo.testing.QuivoTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.error.QuivoAuthenticationException;
import io.camelquivo.error.QuivoUnauthorizedException;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/** The login session as the simulator sees it: how many logins, and how many refused tokens. */
class LoginSessionTest extends QuivoTestSupport {

    @Override
    protected void configure(QuivoComponent quivo) {
        quivo.setMaxConnections(256);
        quivo.getConfiguration().setTokenLifetimeSeconds(2);
        quivo.getConfiguration().setTokenRefreshMarginSeconds(1);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the re-login part of the status policy, in its smallest form
                onException(QuivoUnauthorizedException.class).maximumRedeliveries(2).redeliveryDelay(0);
                from("direct:warehouses").to("quivo:warehouses.list");
                // an endpoint may override the account; this one has the wrong password
                from("direct:wrongPassword").to("quivo:warehouses.list?password=RAW(not-the-password)");
            }
        };
    }

    @Test
    void twoHundredFiftySixExchangesAfterTheTokenExpiredShareOneLoginPerRefreshWindow() throws Exception {
        template.requestBody("direct:warehouses", null, String.class);
        assertEquals(1, simulator().stats().logins());
        Thread.sleep(1100); // past the refresh point: lifetime 2 s minus margin 1 s

        long began = System.nanoTime();
        List<String> answers = Concurrently.run(256, () -> template.requestBody("direct:warehouses", null, String.class));
        long refreshWindows = 1 + (System.nanoTime() - began) / 1_000_000_000L;

        assertEquals(256, answers.stream().filter(a -> a.contains("warehouseAddress")).count());
        // one login per refresh window the burst spanned: on a loaded machine the 256 calls can outlast the new
        // token's one second, and its refresh is then due too; a storm would be hundreds
        int newLogins = simulator().stats().logins() - 1;
        assertTrue(newLogins >= 1 && newLogins <= refreshWindows, newLogins + " logins for 256 exchanges over "
                + refreshWindows + " refresh windows");
        assertEquals(0, simulator().stats().callsWithStatus(401));
    }

    @Test
    void aBurstOf401sOnOneStaleTokenCausesExactlyOneNewLogin() throws Exception {
        template.requestBody("direct:warehouses", null, String.class);
        simulator().expireAllTokens(); // Quivo refuses the token although our clock still trusts it

        List<String> answers = Concurrently.run(256, () -> template.requestBody("direct:warehouses", null, String.class));

        assertEquals(256, answers.stream().filter(a -> a.contains("warehouseAddress")).count());
        assertTrue(simulator().stats().callsWithStatus(401) >= 1);
        assertEquals(2, simulator().stats().logins(), "the refused generation is dropped once");
    }

    @Test
    void aWrongPasswordFailsWithoutALoginStorm() {
        for (int i = 0; i < 5; i++) {
            CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                    () -> template.requestBody("direct:wrongPassword", null, String.class));
            QuivoAuthenticationException refused = assertInstanceOf(QuivoAuthenticationException.class,
                    failed.getCause());
            assertEquals(401, refused.getStatusCode());
            assertFalse(refused.getMessage().contains("not-the-password"));
        }
        assertEquals(1, simulator().stats().logins(), "the failed login backs off; no retry loop");
        assertEquals(0, simulator().stats().calls("GET /warehouses"));
    }
}
