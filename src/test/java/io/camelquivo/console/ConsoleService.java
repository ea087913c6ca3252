package io.camelquivo.console;

import io.camelquivo.service.RunningService;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One service with the console on, on a simulator with a distinctive account and the shared broker, for every
 * console test of the run: a service takes seconds to start. Tests keep apart by their own order identifiers.
 */
final class ConsoleService {

    static final String TOKEN = "console-" + UUID.randomUUID();

    private static ConsoleService shared;

    final QuivoSimulator simulator;
    final RunningService service;
    final String dlqTopic = TestKafka.uniqueTopic("console-dlq");
    final Path inbox;

    private ConsoleService() throws Exception {
        simulator = QuivoSimulator.builder().apiKey("key-" + UUID.randomUUID()).username("console-user")
                .password("pw-" + UUID.randomUUID()).build().start();
        inbox = Files.createTempDirectory("console-inbox");
        TestKafka kafka = TestKafka.shared();
        Map<String, String> env = new HashMap<>();
        env.put("QUIVO_BASE_URL", simulator.baseUrl());
        env.put("QUIVO_API_KEY", simulator.apiKey());
        env.put("QUIVO_USERNAME", simulator.username());
        env.put("QUIVO_PASSWORD", simulator.password());
        env.put("KAFKA_BROKERS", kafka.bootstrapServers());
        env.put("QUIVO_INBOX_DIR", inbox.toString());
        env.put("QUIVO_ORDERS_TOPIC", TestKafka.uniqueTopic("console-orders"));
        env.put("QUIVO_DLQ_TOPIC", dlqTopic);
        env.put("QUIVO_CONSOLE_TOKEN", TOKEN);
        service = RunningService.start(env);
    }

    static synchronized ConsoleService shared() throws Exception {
        if (shared == null) {
            shared = new ConsoleService();
            ConsoleService started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.service.close();
                } catch (Exception e) {
                    // the JVM ends either way
                }
                started.simulator.close();
            }));
        }
        return shared;
    }

    String base() {
        return "http://127.0.0.1:" + service.managementPort() + DeadLetterConsole.PATH;
    }

    /** An order file for the inbox, as a shop drops it. */
    void drop(String name, String body) throws Exception {
        Path part = inbox.resolve(name + ".part");
        Files.writeString(part, body);
        Files.move(part, inbox.resolve(name + ".json"));
    }

    /** A dead-letter record as the service writes them, made by hand: the record format is the contract. */
    void deadLetter(String key, String value, Map<String, String> headers) {
        TestKafka.shared().send(dlqTopic, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }
}
