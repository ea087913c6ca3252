package io.camelquivo.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where a setting's raw value comes from, in the order Camel's properties component uses for the same key:
 * the environment variable, then the system property, then {@code ./application.properties}, then the
 * {@code application.properties} inside the jar (the defaults). Validating from the same sources is what
 * lets the service refuse a bad value before Camel ever sees it.
 */
public final class SettingSources {

    /** Camel-main reads these too, in this order; a later file overrides an earlier one. */
    public static final String PROPERTY_LOCATIONS =
            "classpath:application.properties;optional=true,file:application.properties;optional=true";

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final List<Properties> filesByPrecedence;

    public SettingSources(Map<String, String> environment, Properties systemProperties,
            List<Properties> filesByPrecedence) {
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
        this.filesByPrecedence = List.copyOf(filesByPrecedence);
    }

    /** The sources of this process. */
    public static SettingSources ofProcess() {
        return new SettingSources(System.getenv(), System.getProperties(),
                List.of(fromFile(Path.of("application.properties")), fromClasspath("application.properties")));
    }

    /** The raw value, or null when no source sets it. A value set to blank is returned as it is. */
    public String raw(Setting setting) {
        return raw(setting.property());
    }

    /** The raw value of any property, e.g. {@code quivo.policy.jitter}, looked up as {@link #raw(Setting)} does. */
    public String raw(String property) {
        String value = environment.get(Setting.environmentVariable(property));
        if (value == null) {
            value = systemProperties.getProperty(property);
        }
        for (int i = 0; value == null && i < filesByPrecedence.size(); i++) {
            value = filesByPrecedence.get(i).getProperty(property);
        }
        return value;
    }

    static Properties fromClasspath(String name) {
        Properties properties = new Properties();
        try (InputStream in = SettingSources.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + name, e);
        }
        return properties;
    }

    static Properties fromFile(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
            }
        }
        return properties;
    }
}
