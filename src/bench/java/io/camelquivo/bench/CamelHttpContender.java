package io.camelquivo.bench;

import java.io.IOException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * What a user writes without the component: a camel-http route that POSTs the order with the API key and the
 * session token, logging in through camel-http too, and dropping a token Quivo refuses. The pool gets as many
 * connections per route as the contenders have threads (camel-http's default is 20).
 */
final class CamelHttpContender implements Contender {

    private static final String TOKEN = "benchToken";

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint entry;
    private final TokenCache tokens;

    CamelHttpContender(SimulatorProcess quivo, int connections) throws Exception {
        camel = new DefaultCamelContext();
        HttpComponent http = new HttpComponent();
        http.setMaxTotalConnections(connections);
        http.setConnectionsPerRoute(connections);
        camel.addComponent("http", http);
        String loginBody = TokenCache.loginBody(quivo.username(), quivo.password());
        String apiKey = quivo.apiKey();
        String base = quivo.baseUrl();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:camel-http-login").routeId("camel-http-login")
                        .setHeader("X-Api-Key", constant(apiKey))
                        .setHeader("Accept", constant("application/json"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setBody(constant(loginBody))
                        .to(base + "/login?httpMethod=POST")
                        .convertBodyTo(String.class);
                from("direct:camel-http").routeId("camel-http")
                        .process(exchange -> {
                            String token = tokens().token();
                            exchange.setProperty(TOKEN, token);
                            exchange.getMessage().setHeader("Authorization", token);
                            exchange.getMessage().setHeader("X-Api-Key", apiKey);
                            exchange.getMessage().setHeader("Accept", "application/json");
                            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                        })
                        .to(base + "/orders?httpMethod=POST&throwExceptionOnFailure=false")
                        .process(exchange -> {
                            int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
                            exchange.getMessage().getBody(String.class);
                            if (status == 401) {
                                tokens().refused(exchange.getProperty(TOKEN, String.class));
                            }
                            if (status / 100 != 2) {
                                throw new IOException("POST /orders answered " + status);
                            }
                        });
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
        entry = camel.getEndpoint("direct:camel-http");
        tokens = new TokenCache(() -> TokenCache.tokenOf(
                template.requestBody("direct:camel-http-login", null, String.class)));
    }

    private TokenCache tokens() {
        return tokens;
    }

    @Override
    public String name() {
        return "camel-http";
    }

    @Override
    public void create(byte[] order) throws Exception {
        Exchange done = template.send(entry, exchange -> exchange.getMessage().setBody(order));
        if (done.getException() != null) {
            throw done.getException();
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        camel.close();
    }
}
