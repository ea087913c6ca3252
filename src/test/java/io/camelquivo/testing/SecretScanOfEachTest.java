package io.camelquivo.testing;

import io.camelquivo.simulator.QuivoSimulatorExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator of a test class whose every test is scanned for secrets: the simulator's API key and password
 * are long and random ({@link QuivoTestSupport} logs in with them), every log line written while a test runs is
 * captured at the configured levels, and once the test and its Camel context are done, the lines and the records
 * on the test's topics (its dead-letters, say) are searched for the key, the password and every token the
 * simulator issued. One hit fails the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SecretScanOfEachTest SIMULATOR = new SecretScanOfEachTest();
 *
 * @Override
 * protected QuivoSimulator simulator() {
 *     return SIMULATOR.simulator();
 * }
 * }</pre>
 *
 * Registered on a static field, its checks run after Camel's test support has stopped the context (JUnit calls
 * the class's extensions after those of the instance), so the lines of the shutdown are in too.
 */
public final class SecretScanOfEachTest extends QuivoSimulatorExtension {

    private LogCapture capture;

    public SecretScanOfEachTest() {
        super(SecretScan.simulatorWithDistinctiveSecrets());
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        super.beforeEach(context);
        capture = LogCapture.openAsConfigured();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        try {
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
        } finally {
            super.afterEach(context);
        }
    }
}
