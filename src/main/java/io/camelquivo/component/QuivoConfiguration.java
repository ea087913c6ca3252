package io.camelquivo.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Which Quivo account to use and how its session behaves. Set it once on the component; an endpoint
 * may override it (keep secrets in properties, not in URIs). Each distinct account gets one login session.
 */
@UriParams
public class QuivoConfiguration implements Cloneable {

    @UriParam(label = "common", description = "Quivo API base URL, e.g. https://api.quivo.co. It must use https"
            + " unless the host is loopback (the simulator). It must not carry a user or password before the host:"
            + " the account goes in username and password. When unset, the environment option picks it.")
    private String baseUrl;
    @UriParam(label = "common", enums = "production,sandbox", description = "Picks the base URL when baseUrl is"
            + " unset: production is https://api.quivo.co. Quivo has not published its sandbox URL, so sandbox"
            + " needs baseUrl.")
    private String environment;
    @UriParam(label = "security", secret = true, description = "The static API key from the Quivo Dashboard,"
            + " sent as X-Api-Key on every call, login included.")
    @Metadata(required = true)
    private String apiKey;
    @UriParam(label = "security", description = "The Quivo account's username for POST /login.")
    @Metadata(required = true)
    private String username;
    @UriParam(label = "security", secret = true, description = "The Quivo account's password for POST /login.")
    @Metadata(required = true)
    private String password;
    @UriParam(label = "security", defaultValue = "", description = "Text put before the session token in the"
            + " Authorization header. Quivo's docs show the raw token (empty prefix); use 'Bearer ' if your"
            + " account wants that form.")
    private String authorizationPrefix = "";
    @UriParam(label = "security", defaultValue = "3600", description = "How long a session token lives, in"
            + " seconds. Quivo documents one hour and sends no expiry with the token.")
    private int tokenLifetimeSeconds = 3600;
    @UriParam(label = "security", defaultValue = "60", description = "The token is replaced this many seconds"
            + " before its lifetime ends, so that no call carries a token that expires on the way.")
    private int tokenRefreshMarginSeconds = 60;
    @UriParam(label = "security", defaultValue = "1", description = "Seconds to wait after a failed login before"
            + " the next login is tried; calls during the wait fail at once with the last login error.")
    private int loginBackoffSeconds = 1;
    @UriParam(label = "security", defaultValue = "60", description = "The login backoff doubles after each"
            + " further refused login (Quivo answered, e.g. 401 or 429), up to this many seconds; a login that got"
            + " no answer is tried again after loginBackoffSeconds.")
    private int loginBackoffMaxSeconds = 60;

    public QuivoConfiguration copy() {
        try {
            return (QuivoConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getAuthorizationPrefix() {
        return authorizationPrefix;
    }

    public void setAuthorizationPrefix(String authorizationPrefix) {
        this.authorizationPrefix = authorizationPrefix;
    }

    public int getTokenLifetimeSeconds() {
        return tokenLifetimeSeconds;
    }

    public void setTokenLifetimeSeconds(int tokenLifetimeSeconds) {
        this.tokenLifetimeSeconds = tokenLifetimeSeconds;
    }

    public int getTokenRefreshMarginSeconds() {
        return tokenRefreshMarginSeconds;
    }

    public void setTokenRefreshMarginSeconds(int tokenRefreshMarginSeconds) {
        this.tokenRefreshMarginSeconds = tokenRefreshMarginSeconds;
    }

    public int getLoginBackoffSeconds() {
        return loginBackoffSeconds;
    }

    public void setLoginBackoffSeconds(int loginBackoffSeconds) {
        this.loginBackoffSeconds = loginBackoffSeconds;
    }

    public int getLoginBackoffMaxSeconds() {
        return loginBackoffMaxSeconds;
    }

    public void setLoginBackoffMaxSeconds(int loginBackoffMaxSeconds) {
        this.loginBackoffMaxSeconds = loginBackoffMaxSeconds;
    }
}
