package io.camelquivo.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Quivo's two error formats: the backend's plain-text body ({@code positions: must not be null})
 * and the AWS API Gateway's JSON ({@code {"message": "..."}}, sometimes {@code "Message"}).
 */
public final class ErrorBodyParser {

    /** Long HTML error pages from proxies are cut, so that logs and headers stay readable. */
    static final int MAX_TEXT_LENGTH = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorBodyParser() {
    }

    public record ParsedError(String text, ErrorSource source) {
    }

    public static ParsedError parse(byte[] body, String reasonPhrase) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8).trim();
        if (raw.isEmpty()) {
            return new ParsedError(reasonPhrase == null ? "" : reasonPhrase, ErrorSource.BACKEND);
        }
        String gatewayMessage = gatewayMessage(raw);
        if (gatewayMessage != null) {
            return new ParsedError(cut(gatewayMessage), ErrorSource.GATEWAY);
        }
        return new ParsedError(cut(raw), ErrorSource.BACKEND);
    }

    private static String gatewayMessage(String raw) {
        if (!raw.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(raw);
            JsonNode message = node.has("message") ? node.get("message") : node.get("Message");
            return message != null && message.isTextual() ? message.asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }
}
