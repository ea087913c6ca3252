package io.camelquivo.testing;

import io.camelquivo.component.QuivoComponent;
import io.camelquivo.component.QuivoConfiguration;
import io.camelquivo.simulator.QuivoSimulator;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Camel context whose quivo component points at the simulator with the simulator's account. The simulator
 * starts once per test class and is reset before each test; a class that needs another one registers its
 * own extension and overrides {@link #simulator()}.
 */
public abstract class QuivoTestSupport extends CamelTestSupport {

    @RegisterExtension
    protected static final TestSimulator SIMULATOR = new TestSimulator();

    /** The component's durable state (its pending creates), new for every test. */
    @TempDir
    protected Path stateDir;

    protected QuivoSimulator simulator() {
        return SIMULATOR.simulator();
    }

    /** Tests change component options here before the context starts. */
    protected void configure(QuivoComponent quivo) {
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        QuivoComponent quivo = new QuivoComponent();
        QuivoConfiguration account = quivo.getConfiguration();
        account.setBaseUrl(simulator().baseUrl());
        account.setApiKey(simulator().apiKey());
        account.setUsername(simulator().username());
        account.setPassword(simulator().password());
        quivo.setPendingCreateFile(stateDir.resolve("pending-creates.txt").toString());
        configure(quivo);
        camel.addComponent("quivo", quivo);
        return camel;
    }

    protected QuivoComponent quivo() {
        return context.getComponent("quivo", QuivoComponent.class);
    }
}
