package io.camelquivo.client;

import java.time.Instant;

/**
 * A session token and the login that produced it. The generation lets a 401 drop exactly the token that
 * failed, and never a newer one that another thread already fetched.
 */
public record SessionToken(String value, long generation, Instant refreshAt) {

    @Override
    public String toString() {
        return "SessionToken[generation " + generation + ", refresh at " + refreshAt + "]";
    }
}
