package io.camelquivo.bench;

import io.camelquivo.component.QuivoComponent;
import io.camelquivo.component.QuivoConfiguration;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The {@code quivo:} component as a user's route calls it: {@code direct:} into {@code quivo:orders.create}, in a
 * CamelContext with Camel's defaults. Its pool gets as many connections as the contenders have threads, as the
 * others do; everything else is the component's default unless a phase changes it.
 */
final class QuivoContender implements Contender {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint entry;

    QuivoContender(SimulatorProcess quivo, Path stateDir, int connections, Consumer<QuivoComponent> tune)
            throws Exception {
        camel = new DefaultCamelContext();
        QuivoComponent component = new QuivoComponent();
        QuivoConfiguration account = component.getConfiguration();
        account.setBaseUrl(quivo.baseUrl());
        account.setApiKey(quivo.apiKey());
        account.setUsername(quivo.username());
        account.setPassword(quivo.password());
        component.setMaxConnections(Math.max(connections, component.getMaxConnections()));
        component.setPendingCreateFile(stateDir.resolve("pending-creates.txt").toString());
        tune.accept(component);
        camel.addComponent("quivo", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:quivo").routeId("quivo").to("quivo:orders.create");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        entry = camel.getEndpoint("direct:quivo");
    }

    @Override
    public String name() {
        return "quivo";
    }

    @Override
    public void create(byte[] order) throws Exception {
        Exchange done = template.send(entry, exchange -> exchange.getMessage().setBody(order));
        if (done.getException() != null) {
            throw done.getException();
        }
        done.getMessage().getBody(String.class);
    }

    @Override
    public void close() throws Exception {
        template.close();
        camel.close();
    }
}
