package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import java.util.Map;
import org.apache.camel.Exchange;

/** {@code PATCH /orders/{orderId}}: the body holds the fields to change; Quivo answers without a body. */
class UpdateOrderProducer extends QuivoProducer {

    UpdateOrderProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        String path = "/orders/" + requiredOrderId(exchange);
        return new QuivoRequest(operationId(), "PATCH", path, Map.of(), requiredJsonBody(exchange, "PATCH", path));
    }
}
