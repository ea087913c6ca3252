package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.error.QuivoConnectionException;
import io.camelquivo.error.QuivoRejectedException;
import io.camelquivo.error.QuivoUnavailableException;
import io.camelquivo.simulator.Fault;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.QuivoTestSupport;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * inbounds.create is made once per externalIdentifier, as orders are per orderIdentifier: an attempt after one
 * whose answer was lost looks the inbound up first and does not announce the delivery twice.
 */
class InboundCreateOnceTest extends QuivoTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String inbound(String externalIdentifier) {
        return "{\"sellerId\":1001,\"warehouseId\":4,\"shipFrom\":{\"company\":\"Supplier\"},"
                + "\"estimatedArrivalTime\":\"2026-12-24T08:00:00Z\""
                + (externalIdentifier == null ? "" : ",\"externalIdentifier\":\"" + externalIdentifier + "\"")
                + ",\"inboundPositions\":[{\"sku\":\"SKU-1\",\"quantity\":40}]}";
    }

    private Exchange create(String body) {
        return template.send("quivo:inbounds.create", e -> e.getMessage().setBody(body));
    }

    private long storedWith(String externalIdentifier) {
        return simulator().resources().store("inbounds").all().stream()
                .filter(stored -> externalIdentifier.equals(stored.path("externalIdentifier").asText())).count();
    }

    @Test
    void anAttemptAfterA504ThatStoredItFindsTheInboundInsteadOfCreatingItAgain() throws Exception {
        simulator().faults().next(1, "POST /inbounds", Fault.gatewayTimeoutAfterStore());

        Exchange first = create(inbound("ASN-504"));
        assertInstanceOf(QuivoUnavailableException.class, first.getException(), "504: not settled");
        Exchange again = create(inbound("ASN-504"));

        assertNull(again.getException());
        assertEquals(true, again.getMessage().getHeader(QuivoConstants.EXISTED));
        JsonNode found = MAPPER.readTree(again.getMessage().getBody(String.class));
        assertEquals("ASN-504", found.path("externalIdentifier").asText());
        assertEquals(1, storedWith("ASN-504"), "announced once");
        assertEquals(1, simulator().stats().calls("POST /inbounds"), "never POSTed again");
        List<RequestRecord> lookups = simulator().stats().requestLog().stream()
                .filter(request -> request.route().equals("GET /inbounds")).toList();
        assertEquals(1, lookups.size());
        assertEquals("/inbounds?query=externalIdentifier%3AASN-504", lookups.get(0).path());
    }

    @Test
    void aConnectionLostAfterSendingIsLookedUpTooAndAnAbsentInboundIsCreated() {
        simulator().faults().next(1, "POST /inbounds", Fault.resetBeforeStore());

        Exchange first = create(inbound("ASN-RESET"));
        assertInstanceOf(QuivoConnectionException.class, first.getException());
        Exchange again = create(inbound("ASN-RESET"));

        assertNull(again.getException());
        assertNull(again.getMessage().getHeader(QuivoConstants.EXISTED), "not there: created now");
        assertEquals(1, storedWith("ASN-RESET"));
        assertEquals(1, simulator().stats().calls("GET /inbounds"), "looked up once before the second POST");
        assertEquals(2, simulator().stats().calls("POST /inbounds"));
    }

    @Test
    void aNormalCreateCostsNoLookupAndARefusedOneIsForgotten() {
        Exchange created = create(inbound("ASN-PLAIN"));
        assertNull(created.getException());
        Exchange refused = create("{\"sellerId\":1001,\"externalIdentifier\":\"ASN-BAD\"}");
        assertInstanceOf(QuivoRejectedException.class, refused.getException());
        assertEquals("warehouseId: must not be null",
                ((QuivoRejectedException) refused.getException()).getErrorText());
        Exchange fixed = create(inbound("ASN-BAD"));
        assertNull(fixed.getException());

        assertEquals(0, simulator().stats().calls("GET /inbounds"), "a definite answer leaves nothing to look up");
        assertEquals(1, storedWith("ASN-PLAIN"));
        assertEquals(1, storedWith("ASN-BAD"));
    }

    @Test
    void anInboundWithoutExternalIdentifierIsSentAsItIs() {
        Exchange created = create(inbound(null));

        assertNull(created.getException());
        assertEquals(1, simulator().resources().store("inbounds").count());
        assertEquals(0, simulator().stats().calls("GET /inbounds"));
    }
}
