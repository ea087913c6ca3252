package io.camelquivo.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The simulator's one ObjectMapper and a few helpers around it. */
final class Json {

    // Strict about trailing garbage so "not JSON" really means what a Spring backend would reject.
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String iso(Instant instant) {
        return instant.toString();
    }

    /** The value of a field as text, or null when it is absent or JSON null. */
    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw ApiException.malformed();
        }
        return node.asText();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
