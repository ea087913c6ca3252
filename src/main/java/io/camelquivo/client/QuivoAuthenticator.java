package io.camelquivo.client;

/**
 * Supplies the token for each attempt and hears about tokens that Quivo refused; in the spirit of OkHttp's
 * {@code Authenticator}, re-authentication is this one small interface.
 */
public interface QuivoAuthenticator {

    /** A token that is valid now; blocks while a login is in flight. */
    SessionToken token();

    /** Quivo refused this token: forget it, unless a newer one has replaced it already. */
    void invalidate(SessionToken refused);
}
