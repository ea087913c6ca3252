package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small client for the simulator tests: the JDK HttpClient over real loopback. */
final class Api {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String apiKey;
    private String token;

    Api(QuivoSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
        this.apiKey = simulator.apiKey();
    }

    /** Logs in with the default credentials and keeps the token for later calls. */
    Api login() {
        HttpResponse<String> response = send(request("POST", "/login",
                "{\"username\":\"sim-user\",\"password\":\"sim-password\"}").build());
        assertEquals(200, response.statusCode(), response.body());
        token = json(response).get("token").asText();
        return this;
    }

    String token() {
        return token;
    }

    HttpResponse<String> get(String path) {
        return send(authorized("GET", path, null).build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(authorized("POST", path, body).build());
    }

    HttpResponse<String> patch(String path, String body) {
        return send(authorized("PATCH", path, body).build());
    }

    HttpResponse<String> put(String path, String body) {
        return send(authorized("PUT", path, body).build());
    }

    /** Throws the IOException a dropped connection gives, instead of wrapping it. */
    HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(authorized("POST", path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return HTTP.sendAsync(authorized("POST", path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> createOrder(String orderIdentifier) {
        HttpResponse<String> response = post("/orders", order(orderIdentifier).toString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** A request carrying the API key and, when logged in, the token; the body is sent as JSON. */
    HttpRequest.Builder authorized(String method, String path, String body) {
        HttpRequest.Builder builder = request(method, path, body);
        if (token != null) {
            builder.header("Authorization", token);
        }
        return builder;
    }

    HttpRequest.Builder request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", apiKey);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid POST /orders body for seller 1001. */
    static ObjectNode order(String orderIdentifier) {
        ObjectNode order = MAPPER.createObjectNode();
        order.put("sellerId", 1001);
        order.put("orderIdentifier", orderIdentifier);
        order.put("orderReference", "#" + orderIdentifier);
        ObjectNode address = order.putObject("deliveryAddress");
        address.put("name", "Erika Mustermann");
        address.put("street", "Hauptstrasse 1");
        address.put("zip", "10115");
        address.put("city", "Berlin");
        address.put("countryIso2", "DE");
        ObjectNode position = order.putArray("positions").addObject();
        position.put("sku", "SKU-1");
        position.put("name", "Blue mug");
        position.put("quantity", 2);
        return order;
    }
}
