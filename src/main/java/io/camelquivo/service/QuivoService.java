package io.camelquivo.service;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;

/**
 * The Quivo connector as a service: {@code java -jar quivo-connector.jar}. Settings come from the
 * environment (see {@link Setting}); with no Quivo and no Kafka given it runs the simulator and a broker
 * in this JVM. Exit codes: 0 after SIGTERM, 2 for a bad setting (one line on stderr, nothing started),
 * 1 when it could not start.
 */
public final class QuivoService {

    static final int BAD_CONFIGURATION = 2;

    private QuivoService() {
    }

    public static void main(String[] args) {
        System.exit(run(SettingSources.ofProcess(), args, System.err));
    }

    /** Everything main does except exiting, so tests can see the exit code. */
    static int run(SettingSources sources, String[] args, PrintStream stderr) {
        ServiceSettings settings;
        try {
            settings = ServiceSettings.resolve(sources);
            ServiceSettings.requireFreePort(Setting.MANAGEMENT_PORT, settings.managementPort());
        } catch (BadConfigurationException e) {
            stderr.println("quivo-connector: bad configuration: " + e.getMessage());
            return BAD_CONFIGURATION;
        }
        int exitCode = new ServiceRunner(settings, Path.of("")).run(args);
        // log4j2.xml disables Log4j's own shutdown hook, so that Camel's stop is logged to the end
        LogManager.shutdown();
        return exitCode;
    }
}
