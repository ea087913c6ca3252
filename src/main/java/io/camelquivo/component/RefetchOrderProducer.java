package io.camelquivo.component;

import io.camelquivo.client.QuivoRequest;
import org.apache.camel.Exchange;

/** {@code POST /orders/{orderId}/refetch}: the order's full detail. */
class RefetchOrderProducer extends QuivoProducer {

    RefetchOrderProducer(QuivoEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected QuivoRequest toRequest(Exchange exchange) {
        return QuivoRequest.of(operationId(), "POST", "/orders/" + requiredOrderId(exchange) + "/refetch");
    }
}
