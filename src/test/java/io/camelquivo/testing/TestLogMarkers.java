package io.camelquivo.testing;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks where each test class and method begins and ends in the tests' log file (target/test-logs), which all
 * the tests of a run share. Registered for every test through junit-platform.properties and
 * META-INF/services.
 */
public final class TestLogMarkers implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LogManager.getLogger(TestLogMarkers.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        LOG.info("==== {}", context.getRequiredTestClass().getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LOG.info("---- {} begins", context.getDisplayName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getExecutionException().ifPresentOrElse(
                failure -> LOG.info("---- {} FAILED: {}", context.getDisplayName(), failure.toString()),
                () -> LOG.info("---- {} ends", context.getDisplayName()));
    }
}
