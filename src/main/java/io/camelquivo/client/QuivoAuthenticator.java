package io.camelquivo.client;

/**
 * Supplies the token for each attempt and hears about tokens that Quivo refused; in the spirit of OkHttp's
 * {@code Authenticator}, re-authentication is this one small interface.
 */
public interface QuivoAuthenticator {

    /** A token that is valid now; blocks while a login is in flight. */
    SessionToken token();

    /**
     * As {@link #token()}, and whether this caller waited for a login to get it, which a listener reports with
     * the call. An authenticator that cannot tell says it did not.
     */
    default Ticket ticket() {
        return new Ticket(token(), false);
    }

    /** Quivo refused this token: forget it, unless a newer one has replaced it already. */
    void invalidate(SessionToken refused);

    /** A token and whether the caller that got it waited for a login (led one, or joined one in flight). */
    record Ticket(SessionToken token, boolean afterLogin) {
    }
}
