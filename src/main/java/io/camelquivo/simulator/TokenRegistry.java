package io.camelquivo.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Session tokens handed out by {@code POST /login}, each with the expiry it was issued with. */
final class TokenRegistry {

    enum Status { VALID, UNKNOWN, EXPIRED }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Duration lifetime;

    TokenRegistry(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Applies to tokens issued from now on; tokens already out keep their expiry. */
    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, Instant.now().plus(lifetime));
        return token;
    }

    Status check(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return Status.UNKNOWN;
        }
        return Instant.now().isBefore(expiry) ? Status.VALID : Status.EXPIRED;
    }

    List<String> issued() {
        return List.copyOf(expiries.keySet());
    }

    void expireAll() {
        expiries.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    void clear() {
        expiries.clear();
    }
}
