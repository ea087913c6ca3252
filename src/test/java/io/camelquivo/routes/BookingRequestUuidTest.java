package io.camelquivo.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.kafka.QuivoDeadLetterRoute;
import io.camelquivo.policy.QuivoErrorPolicy;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.RoutesTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * A booking sent again, by a redelivery after a 504 or by a restart that reads the same message, carries the
 * same requestUUID, by which Quivo books it once.
 */
class BookingRequestUuidTest extends RoutesTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BOOKING = "{\"sellerId\":1001,\"shippingServiceGroupId\":3,\"grossWeightKg\":1.2,"
            + "\"reference\":\"PARCEL-1\"}";

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new QuivoErrorPolicy(), new QuivoDeadLetterRoute(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:book").routeConfigurationId(QuivoErrorPolicy.ID).to("quivo:shipments.book");
            }
        }};
    }

    @Test
    void aBookingRetriedAfterA504AndSentAgainAfterARestartCarriesTheSameRequestUuid() throws Exception {
        simulator().faults().next(1, "POST /shipments/book", Fault.gatewayTimeoutAfterStore());

        Exchange booked = template.send("direct:book", e -> e.getMessage().setBody(BOOKING));
        assertNull(booked.getException());
        // a restart reads the same message again: a new context, the same bytes
        context.stop();
        try (CamelContext restarted = createCamelContext()) {
            restarted.start();
            restarted.createProducerTemplate().requestBody("quivo:shipments.book", BOOKING);
        }

        List<String> uuids = new ArrayList<>();
        for (RequestRecord call : simulator().stats().requestLog()) {
            if (call.path().equals("/shipments/book")) {
                uuids.add(MAPPER.readTree(call.body()).get("requestUUID").asText());
            }
        }
        assertEquals(3, uuids.size(), "the 504, its redelivery, and the send after the restart: " + uuids);
        assertEquals(1, uuids.stream().distinct().count(), "one requestUUID: " + uuids);
    }
}
