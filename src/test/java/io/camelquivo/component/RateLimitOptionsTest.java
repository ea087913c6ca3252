package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.camelquivo.client.RateLimitSettings;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** rateLimit, rateLimitMax and rateLimitMaxPause as the component reads them; a wrong value names its option. */
class RateLimitOptionsTest {

    @ParameterizedTest
    @CsvSource({
        "adaptive, ADAPTIVE, 1000", " Adaptive , ADAPTIVE, 1000", "off, OFF, 0", "OFF, OFF, 0",
        "150, FIXED, 150", "0.5, FIXED, 0.5"})
    void rateLimitIsAdaptiveOffOrAFixedNumberPerSecond(String option, RateLimitSettings.Mode mode, double perSecond) {
        RateLimitSettings settings = QuivoSettings.rateLimit(option, 1000, 60_000);
        assertEquals(mode, settings.mode());
        assertEquals(perSecond, settings.perSecond());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "0", "-3", "NaN", "Infinity", ""})
    void anythingElseIsRefusedNamingTheOption(String option) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> QuivoSettings.rateLimit(option, 1000, 60_000));
        assertEquals("quivo rateLimit must be adaptive, off or a positive number of requests per second, not '"
                + option + "'", refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"adaptive, 0, 60000, quivo rateLimitMax must be at least 1: 0",
        "150, 1000, -1, quivo rateLimitMaxPause must not be negative: -1"})
    void theCeilingAndThePauseAreChecked(String rateLimit, int max, int maxPause, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> QuivoSettings.rateLimit(rateLimit, max, maxPause)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"adaptive", "25"})
    void theLongestPauseIsInMilliseconds(String rateLimit) {
        assertEquals(Duration.ofMillis(1500), QuivoSettings.rateLimit(rateLimit, 1000, 1500).maxPause());
    }
}
