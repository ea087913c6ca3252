package io.camelquivo.service;

/** A setting the service cannot start with; the message is the one line the user sees, naming the setting. */
public final class BadConfigurationException extends RuntimeException {

    private final Setting setting;

    public BadConfigurationException(Setting setting, String problem) {
        super(setting.label() + ": " + problem, null, false, false);
        this.setting = setting;
    }

    /** A property outside the contract's settings, e.g. one of {@code quivo.policy.*}. */
    public BadConfigurationException(String property, String problem) {
        super(Setting.label(property) + ": " + problem, null, false, false);
        this.setting = null;
    }

    /** The setting, or null for a property outside the contract's settings. */
    public Setting setting() {
        return setting;
    }
}
