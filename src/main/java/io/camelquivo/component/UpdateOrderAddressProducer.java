package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import java.util.Map;
import org.apache.camel.Exchange;

/** {@code PUT /orders/{orderId}/address?type=...}: the body is the new address. */
class UpdateOrderAddressProducer extends QuivoProducer {

    UpdateOrderAddressProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) throws Exception {
        String type = headerOr(exchange, QuivoConstants.ADDRESS_TYPE, String.class, getEndpoint().getAddressType());
        String path = "/orders/" + requiredOrderId(exchange) + "/address";
        return new QuivoRequest(operationId(), "PUT", path, Map.of("type", type), requiredJsonBody(exchange, "PUT", path));
    }
}
