package io.camelquivo.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Quivo's two error formats: the backend's plain-text body ({@code positions: must not be null})
 * and the AWS API Gateway's JSON ({@code {"message": "..."}}, sometimes {@code "Message"}). Two more are read
 * for what they say: the gateway's JSON cut short (still the gateway's), and an HTML error page from a proxy in
 * front (its title, counted as the backend's text: neither of Quivo's formats).
 */
public final class ErrorBodyParser {

    /** Long HTML error pages from proxies are cut, so that logs and headers stay readable. */
    static final int MAX_TEXT_LENGTH = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern GATEWAY_START = Pattern.compile("\\{\\s*\"[Mm]essage\"\\s*:\\s*\"");
    private static final Pattern HTML = Pattern.compile("(?i)<(!doctype\\s+html|html[\\s>]|head[\\s>]|body[\\s>])");
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern HTML_INVISIBLE = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("(?s)<[^>]*>");

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
        String cutShort = cutShortGatewayMessage(raw);
        if (cutShort != null) {
            return new ParsedError(cut(cutShort) + "... (the answer was cut short)", ErrorSource.GATEWAY);
        }
        if (HTML.matcher(raw).lookingAt()) {
            return new ParsedError(cut("HTML page: " + htmlText(raw)), ErrorSource.BACKEND);
        }
        return new ParsedError(cut(raw), ErrorSource.BACKEND);
    }

    /**
     * The message of a gateway error whose JSON breaks off (a connection closed early): the gateway's
     * {@code {"message":"...} prefix is what tells it from the backend's text, and says who answered.
     */
    private static String cutShortGatewayMessage(String raw) {
        Matcher start = GATEWAY_START.matcher(raw);
        if (!start.lookingAt()) {
            return null;
        }
        String rest = raw.substring(start.end());
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\') {
                i++; // whatever is escaped is part of the message
            } else if (c == '"') {
                return null; // the message is whole: this is JSON broken elsewhere, not cut short
            }
        }
        String escaped = rest.replaceFirst("\\\\(u[0-9a-fA-F]{0,3})?$", ""); // an escape cut in half
        try {
            return MAPPER.readValue("\"" + escaped + "\"", String.class);
        } catch (IOException unreadableEscape) {
            return escaped;
        }
    }

    /**
     * An HTML error page, from a proxy or load balancer in front of Quivo, as one line: its title, else its
     * text without markup. Hundreds of characters of markup would say less in a log line or a dead-letter header.
     */
    private static String htmlText(String html) {
        Matcher title = HTML_TITLE.matcher(html);
        if (title.find() && !collapse(title.group(1)).isEmpty()) {
            return collapse(unescapeHtml(title.group(1)));
        }
        String text = HTML_TAG.matcher(HTML_INVISIBLE.matcher(html).replaceAll(" ")).replaceAll(" ");
        return collapse(unescapeHtml(text));
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String unescapeHtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
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
