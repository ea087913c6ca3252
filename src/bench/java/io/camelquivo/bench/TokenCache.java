package io.camelquivo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The login handling the hand-written contenders share: one token, read without a lock, a single login when
 * there is none, and a refused token dropped only if it is still the current one. The cheapest correct
 * scheme, so that neither contender is slowed by its token handling.
 */
final class TokenCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    interface Login {
        String login() throws Exception;
    }

    private final Login login;
    private volatile String token;

    TokenCache(Login login) {
        this.login = login;
    }

    String token() throws Exception {
        String current = token;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (token == null) {
                token = login.login();
            }
            return token;
        }
    }

    void refused(String refused) {
        synchronized (this) {
            if (refused.equals(token)) {
                token = null;
            }
        }
    }

    static String loginBody(String username, String password) {
        return JSON.createObjectNode().put("username", username).put("password", password).toString();
    }

    static String tokenOf(String loginAnswer) throws IOException {
        JsonNode token = JSON.readTree(loginAnswer).path("token");
        if (!token.isTextual()) {
            throw new IOException("the login answer carried no token");
        }
        return token.asText();
    }
}
