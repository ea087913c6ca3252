package io.camelquivo.service;

/** A setting the service cannot start with; the message is the one line the user sees, naming the setting. */
public final class BadConfigurationException extends RuntimeException {

    private final Setting setting;

    public BadConfigurationException(Setting setting, String problem) {
        super(setting.label() + ": " + problem, null, false, false);
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }
}
