package io.camelquivo.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The faults waiting for requests. Routes are named like {@code "POST /orders"}; {@code "*"}
 * matches every route. Scripted faults are used up in FIFO order and win over random ones; a
 * route's own rules win over the {@code "*"} rules.
 */
public final class Faults {

    private final Map<String, Deque<Fault>> scripted = new HashMap<>();
    private final Map<String, RandomRule> random = new HashMap<>();
    private final List<BodyRule> byBody = new java.util.ArrayList<>();

    /** Puts {@code fault} on the next {@code times} calls to {@code route}, after any already queued. */
    public synchronized Faults next(int times, String route, Fault fault) {
        requireRoute(route);
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        Deque<Fault> queue = scripted.computeIfAbsent(route, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /**
     * From now on each call to {@code route} faults with {@code probability}, the fault chosen
     * uniformly among {@code faults}. The same seed and the same sequence of calls give the same
     * faults. Replaces an earlier random rule for the same route.
     */
    public synchronized Faults random(long seed, double probability, String route, Fault... faults) {
        requireRoute(route);
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        if (faults == null || faults.length == 0) {
            throw new IllegalArgumentException("at least one fault is needed");
        }
        random.put(route, new RandomRule(new Random(seed), probability, List.of(faults)));
        return this;
    }

    /**
     * Every call to {@code route} whose body contains {@code text} (an orderIdentifier, say) faults, until
     * {@link #clear()}: one message that keeps failing among others that go through. Wins over every other rule.
     */
    public synchronized Faults whileBodyContains(String route, String text, Fault fault) {
        requireRoute(route);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fault, "fault");
        byBody.add(new BodyRule(route, text, fault));
        return this;
    }

    public synchronized void clear() {
        scripted.clear();
        random.clear();
        byBody.clear();
    }

    /** The fault for a call that just arrived on {@code route} with {@code body}, or null. */
    synchronized Fault draw(String route, byte[] body) {
        if (!byBody.isEmpty()) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            for (BodyRule rule : byBody) {
                if ((rule.route().equals(route) || rule.route().equals(Router.ANY)) && text.contains(rule.text())) {
                    return rule.fault();
                }
            }
        }
        Fault fault = nextScripted(route);
        if (fault == null) {
            fault = nextScripted(Router.ANY);
        }
        if (fault == null) {
            fault = drawRandom(route);
        }
        if (fault == null) {
            fault = drawRandom(Router.ANY);
        }
        return fault;
    }

    private Fault nextScripted(String route) {
        Deque<Fault> queue = scripted.get(route);
        return queue == null ? null : queue.pollFirst();
    }

    private Fault drawRandom(String route) {
        RandomRule rule = random.get(route);
        return rule == null ? null : rule.draw();
    }

    private static void requireRoute(String route) {
        if (!Router.isRouteName(route)) {
            throw new IllegalArgumentException("unknown route '" + route + "'; known: " + Router.ROUTES + " and *");
        }
    }

    private record BodyRule(String route, String text, Fault fault) {
    }

    private record RandomRule(Random random, double probability, List<Fault> faults) {
        Fault draw() {
            // Two draws per call, always, so a rule's sequence depends only on the number of calls.
            boolean hit = random.nextDouble() < probability;
            Fault choice = faults.get(random.nextInt(faults.size()));
            return hit ? choice : null;
        }
    }
}
