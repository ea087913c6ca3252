package io.camelquivo.testing;

import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator of the {@link QuivoTestSupport} classes: started once per class, reset before each test. A
 * class marked {@link ScanForSecrets} gets one with distinctive secrets, and each of its tests is scanned for
 * them.
 *
 * <p>{@link QuivoTestSupport} registers it on a static field, so JUnit calls it after the instance's extensions:
 * its scan runs once Camel's test support has stopped the context, with the lines of the shutdown in.
 */
public final class TestSimulator extends QuivoSimulatorExtension {

    private LogCapture capture;

    @Override
    protected QuivoSimulator.Builder builderFor(ExtensionContext context) {
        return scanned(context) ? SecretScan.simulatorWithDistinctiveSecrets() : super.builderFor(context);
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        capture = scanned(context) ? LogCapture.openAsConfigured() : null;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        try {
            if (capture != null) {
                scan(context);
            }
        } finally {
            super.afterEach(context);
        }
    }

    private void scan(ExtensionContext context) {
        capture.close();
        if (capture.lines().isEmpty()) {
            // Camel logs its start and stop at INFO: no line at all means the capture is broken
            throw new AssertionError("the secret scan captured no log line, so it would prove nothing");
        }
        SecretScan scan = SecretScan.of(simulator());
        for (String line : capture.lines()) {
            scan.text("a log line", line);
        }
        if (context.getTestInstance().orElse(null) instanceof RoutesTestSupport routes) {
            for (String topic : routes.scannedTopics()) {
                scan.deadLetters(routes.kafka().readAll(topic));
            }
        }
        scan.assertClean();
    }

    private static boolean scanned(ExtensionContext context) {
        return context.getTestClass().map(test -> test.isAnnotationPresent(ScanForSecrets.class)).orElse(false);
    }
}
