package io.camelquivo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.testing.ScanForSecrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The webhook receiver against callers that send too much or too slowly: a 10 MB body, 10,000 events in one
 * call, clients that never finish their request. Each is refused with a clear status, costs no thread and no more
 * memory than the body limit, and a valid call is served all the while. The limits are the defaults of
 * routes/quivo-webhooks.yaml, but for the read timeout, 1 s here instead of 10.
 */
@ScanForSecrets
class WebhookLimitsTest extends WebhookTestSupport {

    private static final int READ_TIMEOUT_MS = 1000;

    @Override
    protected Properties properties() {
        Properties p = super.properties();
        p.put("quivo.webhook.read-timeout", String.valueOf(READ_TIMEOUT_MS));
        return p;
    }

    @Test
    void aTenMegabyteBodyIs413WhetherItsLengthIsSaidOrNot() throws Exception {
        byte[] tenMegabytes = padded(10 * 1024 * 1024);

        HttpResponse<String> withLength = send(HttpRequest.BodyPublishers.ofByteArray(tenMegabytes));
        assertEquals(413, withLength.statusCode());
        assertEquals("the body is 10485760 bytes, more than the 1048576 bytes a webhook call may have"
                + " (quivo.webhook.max-body-bytes)", withLength.body());

        // without a Content-Length (chunked) the server's own limit cuts it off
        HttpResponse<String> chunked = send(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(tenMegabytes)));
        assertEquals(413, chunked.statusCode());
        assertEquals("the body is more than the 1048576 bytes a webhook call may have (quivo.webhook.max-body-bytes)",
                chunked.body());

        assertEquals(0, simulator().stats().calls("*"), "nothing fetched");
        aValidCallIsStillServed(501);
    }

    @Test
    void tenThousandEventsInOneCallAre413AndNothingIsFetched() throws Exception {
        Object[] triples = new Object[3 * 10_000];
        for (int i = 0; i < 10_000; i++) {
            triples[3 * i] = "SHIPMENTS";
            triples[3 * i + 1] = 10_000 + i;
            triples[3 * i + 2] = 1;
        }
        String body = events(triples);
        assertTrue(body.length() < 1_048_576, "within the body limit: " + body.length());

        HttpResponse<String> answer = post(body);

        assertEquals(413, answer.statusCode());
        assertEquals("the call has 10000 events, more than the 1000 a webhook call may have"
                + " (quivo.webhook.max-events)", answer.body());
        assertEquals("text/plain; charset=UTF-8", answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals(0, simulator().stats().calls("*"), "not one of them fetched");
        assertEquals(0, published());
        aValidCallIsStillServed(501);
    }

    @Test
    void slowClientsHoldNoThreadAreAnswered408AndClosedWhileOthersAreServed() throws Exception {
        aValidCallIsStillServed(501); // everything a call uses is started: threads counted after this are the clients'
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> slowBodies = new ArrayList<>();
        List<Socket> slowHeaders = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                slowBodies.add(sendPart("POST /quivo/webhooks/" + secret + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"events\":["));
            }
            for (int i = 0; i < 20; i++) {
                slowHeaders.add(sendPart("POST /quivo/webhooks/" + secret + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            }
            int threadsWithSlowClients = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threadsWithSlowClients - threadsBefore < 20,
                    "120 slow clients, " + (threadsWithSlowClients - threadsBefore) + " more threads");

            aValidCallIsStillServed(502);

            for (Socket socket : slowBodies) {
                String answer = readToEnd(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                assertTrue(answer.endsWith("the request did not arrive whole within " + READ_TIMEOUT_MS
                        + " ms (quivo.webhook.read-timeout)"), answer);
            }
            aValidCallIsStillServed(503);
        } finally {
            for (Socket socket : slowBodies) {
                socket.close();
            }
            for (Socket socket : slowHeaders) {
                socket.close();
            }
        }
        assertEquals(3, published());
    }

    private void aValidCallIsStillServed(long shipmentId) {
        simulator().shipments().put(shipmentId, "{\"bookedShipmentId\":" + shipmentId + ",\"version\":1}");
        HttpResponse<String> answer = post(events("SHIPMENTS", shipmentId, 1));
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(secret))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(body).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a connection and sends the start of a request, never the rest. */
    private Socket sendPart(String start) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000); // a guard against a hang: the receiver answers long before
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        try {
            in.transferTo(answer);
        } catch (SocketTimeoutException notClosed) {
            throw new AssertionError("the connection was not closed; it sent: " + answer, notClosed);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** A webhook body of exactly {@code size} bytes: one event and a long unknown field. */
    private static byte[] padded(int size) {
        String head = "{\"events\":[" + event("SHIPMENTS", 501, 1) + "],\"padding\":\"";
        String tail = "\"}";
        return (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
