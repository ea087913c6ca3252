package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionAndMainTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension(QuivoSimulator.builder()
            .apiKey("custom-key").duplicateOrderStatus(422));

    private static String firstBaseUrl;

    private static void assertFreshAndUse(QuivoSimulator simulator) {
        assertTrue(simulator.stats().requestLog().isEmpty(), "reset before each test");
        assertEquals(0, simulator.orders().count());
        if (firstBaseUrl == null) {
            firstBaseUrl = simulator.baseUrl();
        }
        assertEquals(firstBaseUrl, simulator.baseUrl(), "one simulator for the class");
        new Api(simulator).login().createOrder("EXT-1");
    }

    @Test
    void firstTestSeesAFreshSimulator(QuivoSimulator simulator) {
        assertEquals(sim.simulator(), simulator);
        assertFreshAndUse(simulator);
    }

    @Test
    void secondTestSeesAFreshSimulator(QuivoSimulator simulator) {
        assertFreshAndUse(simulator);
    }

    @Test
    void builderSettingsApply(QuivoSimulator simulator) {
        assertEquals("custom-key", simulator.apiKey());
        assertEquals(QuivoSimulator.DEFAULT_USERNAME, simulator.username());
        Api api = new Api(simulator).login();
        api.createOrder("EXT-2");
        HttpResponse<String> duplicate = api.post("/orders", Api.order("EXT-2").toString());
        assertEquals(422, duplicate.statusCode());
        assertEquals("orderIdentifier 'EXT-2' already exists for seller 1001", duplicate.body());
    }

    @Nested
    class NestedTests {
        @Test
        void shareTheOuterSimulator(QuivoSimulator simulator) {
            assertFreshAndUse(simulator);
        }
    }

    @Nested
    class InstanceRegistration {
        @RegisterExtension
        QuivoSimulatorExtension own = new QuivoSimulatorExtension();

        @Test
        void runsItsOwnSimulatorPerTest() {
            assertNotEquals(sim.baseUrl(), own.baseUrl());
            assertEquals(QuivoSimulator.DEFAULT_API_KEY, own.simulator().apiKey());
        }
    }

    @Test
    void mainParsesPortAndTokenLifetime() {
        try (QuivoSimulator fromDefaults = QuivoSimulatorMain.parse(new String[0]).port(0).build()) {
            assertThrows(IllegalStateException.class, fromDefaults::port);
        }
        try (QuivoSimulator parsed = QuivoSimulatorMain.parse(new String[] {"--port", "0", "--token-lifetime", "0"})
                .build().start()) {
            assertTrue(parsed.port() > 0);
            Api api = new Api(parsed).login();
            assertEquals("{\"message\":\"The incoming token has expired\"}", api.get("/orders").body());
            parsed.setTokenLifetime(Duration.ofMinutes(1));
            assertEquals(200, api.login().get("/orders").statusCode());
            parsed.close();
            parsed.start();
            assertEquals(200, new Api(parsed).login().get("/sellers").statusCode());
        }
        assertThrows(IllegalArgumentException.class, () -> QuivoSimulatorMain.parse(new String[] {"--port"}));
        assertThrows(IllegalArgumentException.class, () -> QuivoSimulatorMain.parse(new String[] {"--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> QuivoSimulatorMain.parse(new String[] {"--port", "70000"}));
        assertThrows(IllegalArgumentException.class, () -> QuivoSimulatorMain.parse(new String[] {"--verbose"}));
    }
}
