package io.camelquivo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Quivo that accepts connections and reads requests but never answers: clients wait until their own timeout. */
class UnansweredRequestsTest {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    @Test
    void requestsAreHeldUnansweredAndUnservedThenCutOffWhenAnsweringResumes(QuivoSimulator simulator)
            throws Exception {
        Api api = new Api(simulator).login();
        simulator.stopAnswering();

        var timedOut = api.authorized("GET", "/warehouses", null).timeout(Duration.ofMillis(500)).build();
        assertThrows(HttpTimeoutException.class, () -> Api.HTTP.send(timedOut, HttpResponse.BodyHandlers.ofString()));
        CompletableFuture<HttpResponse<String>> waiting = api.postAsync("/orders", Api.order("HELD-1").toString());
        awaitHeld(simulator, 2);
        // the admin routes still answer, so a test can look while Quivo hangs
        assertEquals(200, Api.send(api.request("GET", "/_simulator/stats", null).build()).statusCode());
        assertEquals(0, simulator.orders().count(), "a held create is not served");

        simulator.answerAgain();
        ExecutionException cutOff = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, cutOff.getCause(), "no answer at all, the connection closed");
        assertEquals(0, simulator.unansweredRequests());
        assertEquals(0, simulator.orders().count(), "cut off unserved");
        assertEquals(1, simulator.stats().calls("POST /orders", 0));
        assertEquals(1, simulator.stats().calls("GET /warehouses", 0));
        assertEquals("unanswered", simulator.stats().requestLog().get(1).fault());

        api.createOrder("AFTER-1");
        assertEquals(1, simulator.orders().count(), "served again");
    }

    @Test
    void closingTheSimulatorEndsHolding(QuivoSimulator simulator) throws Exception {
        Api api = new Api(simulator).login();
        simulator.stopAnswering();
        CompletableFuture<HttpResponse<String>> waiting = api.postAsync("/orders", Api.order("HELD-2").toString());
        awaitHeld(simulator, 1);
        simulator.close();
        assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        simulator.start();
        api.createOrder("AFTER-2");
        assertEquals(1, simulator.orders().count());
    }

    private static void awaitHeld(QuivoSimulator simulator, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator.unansweredRequests() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("held " + simulator.unansweredRequests() + " requests, not " + count);
            }
            Thread.sleep(20);
        }
    }
}
