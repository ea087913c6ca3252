package io.camelquivo.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link QuivoSimulator} for a test class: started once, {@link QuivoSimulator#reset()}
 * before each test, stopped after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();
 *
 * @Test
 * void creates(QuivoSimulator simulator) { ... sim.baseUrl() ... }
 * }</pre>
 *
 * Registered on an instance field instead, it runs one simulator per test.
 */
public class QuivoSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final QuivoSimulator.Builder builder;
    private QuivoSimulator simulator;
    // Nested test classes call beforeAll/afterAll again; only the outermost pair starts and stops.
    private int classDepth;
    private boolean perTest;

    public QuivoSimulatorExtension() {
        this(QuivoSimulator.builder());
    }

    public QuivoSimulatorExtension(QuivoSimulator.Builder builder) {
        this.builder = builder;
    }

    /** The running simulator; only valid while tests of the class run. */
    public QuivoSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the Quivo simulator runs only while the test class runs");
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0 && simulator == null) {
            simulator = builderFor(context).build().start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            // Instance-field registration: JUnit never calls beforeAll on us.
            perTest = true;
            simulator = builderFor(context).build().start();
        }
        simulator.reset();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    /** The simulator's settings for the test class of {@code context}: a subclass may choose them per class. */
    protected QuivoSimulator.Builder builderFor(ExtensionContext context) {
        return builder;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == QuivoSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
