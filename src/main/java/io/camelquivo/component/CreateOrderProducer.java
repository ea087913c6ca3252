package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import java.util.Map;
import org.apache.camel.Exchange;

/** {@code POST /orders}: the body is the order. */
class CreateOrderProducer extends QuivoProducer {

    CreateOrderProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        return new QuivoRequest(operationId(), "POST", "/orders", Map.of(), requiredJsonBody(exchange));
    }
}
