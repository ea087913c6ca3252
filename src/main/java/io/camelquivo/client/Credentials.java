package io.camelquivo.client;

/**
 * One Quivo account at one base URL; the component keeps one {@link LoginSession} per value. Its
 * {@code toString} shows only the base URL and the username, because instances end up in logs.
 */
public record Credentials(String baseUrl, String apiKey, String username, String password) {

    @Override
    public String toString() {
        return "Credentials[" + username + " @ " + baseUrl + "]";
    }
}
