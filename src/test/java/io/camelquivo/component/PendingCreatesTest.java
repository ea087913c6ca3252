package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.camelquivo.error.QuivoUnavailableException;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.TestKafka;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order whose create may have reached Quivo is remembered outside the JVM: a new Camel context (a restart,
 * or the same record coming again after a failed commit) looks it up before it sends anything. By default in
 * a file; with a KafkaIdempotentRepository, in a topic that several instances share.
 */
class PendingCreatesTest {

    @RegisterExtension
    static final QuivoSimulatorExtension SIMULATOR = new QuivoSimulatorExtension();

    @TempDir
    Path stateDir;

    @Test
    void theDefaultFileRemembersAnAmbiguousCreateAcrossARestart() throws Exception {
        String file = stateDir.resolve("pending-creates.txt").toString();
        assertLookedUpAfterRestart("FILE-REMEMBERED", () -> {
            QuivoComponent quivo = new QuivoComponent();
            quivo.setPendingCreateFile(file);
            return quivo;
        });
    }

    @Test
    void aKafkaRepositoryRemembersAnAmbiguousCreateAcrossARestart() throws Exception {
        String topic = TestKafka.uniqueTopic("pending-creates");
        TestKafka.shared().createTopic(topic);
        assertLookedUpAfterRestart("KAFKA-REMEMBERED", () -> {
            QuivoComponent quivo = new QuivoComponent();
            KafkaIdempotentRepository repository = new KafkaIdempotentRepository(topic,
                    TestKafka.shared().bootstrapServers());
            repository.setStartupOnly(true);
            quivo.setPendingCreateRepository(repository);
            return quivo;
        });
    }

    private void assertLookedUpAfterRestart(String orderIdentifier, Supplier<QuivoComponent> component)
            throws Exception {
        QuivoSimulator quivo = SIMULATOR.simulator();
        quivo.faults().next(1, "POST /orders", Fault.gatewayTimeoutAfterStore());

        try (CamelContext first = start(component.get())) {
            Exchange answer = send(first, orderIdentifier);
            assertInstanceOf(QuivoUnavailableException.class, answer.getException(), "504: not settled");
        }
        try (CamelContext second = start(component.get())) {
            Exchange answer = send(second, orderIdentifier);
            assertNull(answer.getException());
            assertEquals(true, answer.getMessage().getHeader(QuivoConstants.EXISTED));
        }

        assertEquals(1, quivo.stats().calls("POST /orders"), "never POSTed again");
        assertEquals(1, quivo.stats().calls("GET /orders"), "looked up once, after the restart");
        assertEquals(1, quivo.orders().byIdentifier(orderIdentifier).size());
    }

    private static CamelContext start(QuivoComponent quivo) throws Exception {
        QuivoSimulator simulator = SIMULATOR.simulator();
        quivo.getConfiguration().setBaseUrl(simulator.baseUrl());
        quivo.getConfiguration().setApiKey(simulator.apiKey());
        quivo.getConfiguration().setUsername(simulator.username());
        quivo.getConfiguration().setPassword(simulator.password());
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("quivo", quivo);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:order").to("quivo:orders.create");
            }
        });
        camel.start();
        return camel;
    }

    private static Exchange send(CamelContext camel, String orderIdentifier) {
        return camel.createProducerTemplate().send("direct:order",
                e -> e.getMessage().setBody(Orders.valid(orderIdentifier)));
    }
}
