package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelquivo.simulator.QuivoSimulator;
import io.camelquivo.simulator.QuivoSimulatorMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docker/: no Docker engine runs the tests, so these check what a user would otherwise find out at
 * {@code docker compose up}: a variable the service never reads, a jar name the build no longer produces, a
 * root user, a health check on the wrong port, a Kafka that needs ZooKeeper, a secret in the example file.
 * What the service knows is taken from the code (Setting, the route files' placeholders, log4j2.xml), the
 * defaults from application.properties, the jar name from pom.xml.
 */
class DockerFilesTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path DOCKER_IGNORE = Path.of("docker/Dockerfile.dockerignore");
    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path ENV_EXAMPLE = Path.of("docker/.env.example");
    private static final String CONNECTOR = "quivo-connector";
    private static final String PLACEHOLDER = "change-me";
    private static final Properties DEFAULTS = SettingSources.fromClasspath("application.properties");

    // ---------------------------------------------------------------------------------------------- .env.example

    @Test
    void envExampleNamesOnlyVariablesTheServiceReads() throws IOException {
        Set<String> known = knownVariables();
        List<String> unknown = envExample().stream().map(Assignment::name).filter(name -> !known.contains(name))
                .distinct().toList();
        assertEquals(List.of(), unknown, "in docker/.env.example but read by nothing in the service");
    }

    @Test
    void envExampleHasEverySettingAndEveryVariableTheReadmeDocuments() throws IOException {
        Set<String> inExample = envExample().stream().map(Assignment::name).collect(Collectors.toSet());
        Set<String> expected = new TreeSet<>(readmeVariables());
        Arrays.stream(Setting.values()).map(Setting::environmentVariable).forEach(expected::add);
        expected.removeAll(inExample);
        assertEquals(Set.of(), expected, "missing from docker/.env.example");
    }

    @Test
    void theReadmeDocumentsOnlyVariablesTheServiceReads() throws IOException {
        Set<String> documented = new TreeSet<>(readmeVariables());
        assertFalse(documented.isEmpty(), "README.md's table of variables was not found");
        documented.removeAll(knownVariables());
        assertEquals(Set.of(), documented, "in README.md's table but read by nothing in the service");
    }

    @Test
    void envExampleHoldsPlaceholdersNotSecrets() throws IOException {
        Set<String> allowedForSecrets = Set.of(PLACEHOLDER, QuivoSimulator.DEFAULT_API_KEY,
                QuivoSimulator.DEFAULT_USERNAME, QuivoSimulator.DEFAULT_PASSWORD);
        Map<String, Setting> byVariable = Arrays.stream(Setting.values())
                .collect(Collectors.toMap(Setting::environmentVariable, s -> s));
        Pattern keyLike = Pattern.compile("[A-Za-z0-9+/_=-]{16,}");
        List<String> suspicious = new ArrayList<>();
        for (Assignment a : envExample()) {
            Setting setting = byVariable.get(a.name());
            boolean secret = setting != null && (setting.secret() || setting == Setting.USERNAME);
            if (secret && !allowedForSecrets.contains(a.value())) {
                suspicious.add(a.name() + " (a secret: only " + PLACEHOLDER + " or the simulator's public account)");
            } else if (keyLike.matcher(a.value()).matches() && a.value().matches(".*\\d.*")
                    && a.value().matches(".*[A-Za-z].*")) {
                suspicious.add(a.name() + " (looks like a key or token)");
            }
        }
        assertEquals(List.of(), suspicious, "docker/.env.example must hold placeholders only");
    }

    /** cp .env.example .env and docker compose up: the service must accept what it is given, and use Kafka. */
    @Test
    void theCopiedExampleStartsTheServiceAgainstComposesKafka() throws IOException {
        Map<String, String> environment = new HashMap<>();
        envExample().stream().filter(a -> !a.commented()).forEach(a -> environment.put(a.name(), a.value()));
        environment.putAll(composeEnvironment(service(CONNECTOR))); // compose's environment wins over env_file
        ServiceSettings settings = ServiceSettings.resolve(new SettingSources(environment, new Properties(),
                List.of(DEFAULTS)));
        assertTrue(settings.embeddedSimulator(), "the example file should run on the simulator until edited");
        assertFalse(settings.embeddedBroker(), "under compose the service must use the kafka service");
    }

    // ---------------------------------------------------------------------------------------------- Dockerfile

    @Test
    void theImageRunsTheJarTheBuildProduces() throws IOException {
        String jar = builtJarName();
        List<List<Instruction>> stages = dockerStages();
        assertTrue(stages.size() >= 2, "a build stage and a runtime stage");
        List<Instruction> build = stages.get(0);
        List<Instruction> runtime = stages.get(stages.size() - 1);
        String release = pom().getElementsByTagName("maven.compiler.release").item(0).getTextContent().trim();

        String buildImage = last(build, "FROM").args().split("\\s+")[0];
        assertTrue(buildImage.matches("maven:.*-" + release + "(-.*)?"),
                "the build stage builds on Maven with JDK " + release + ": " + buildImage);
        assertTrue(all(build, "RUN").stream().anyMatch(r -> r.args().startsWith("mvn ") && r.args().contains(" package")),
                "the build stage runs mvn package");
        assertTrue(last(runtime, "FROM").args().matches("eclipse-temurin:" + release + "-jre\\b.*"),
                "the runtime stage is a Java " + release + " JRE: " + last(runtime, "FROM").args());

        List<String> entrypoint = execForm(last(runtime, "ENTRYPOINT"));
        int jarFlag = entrypoint.indexOf("-jar");
        assertTrue(entrypoint.get(0).equals("java") && jarFlag > 0 && jarFlag + 1 < entrypoint.size(),
                "ENTRYPOINT runs java -jar: " + entrypoint);
        String jarInImage = entrypoint.get(jarFlag + 1);
        assertEquals(jar, Path.of(jarInImage).getFileName().toString(), "the jar the ENTRYPOINT runs");
        assertTrue(all(runtime, "COPY").stream().anyMatch(c -> c.args().startsWith("--from=")
                        && c.args().matches(".*\\btarget/" + Pattern.quote(jar) + "\\s+" + Pattern.quote(jarInImage) + "$")),
                "the runtime stage copies target/" + jar + " to " + jarInImage);
    }

    @Test
    void theBuildStageCopiesEverythingTheBuildReads() throws Exception {
        List<Instruction> build = dockerStages().get(0);
        Set<String> copied = new LinkedHashSet<>();
        for (Instruction copy : all(build, "COPY")) {
            String[] words = copy.args().split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                if (!words[i].startsWith("--")) {
                    copied.add(topFolder(words[i]));
                }
            }
        }
        Set<String> ignoreFileKeeps = Files.readAllLines(DOCKER_IGNORE).stream().map(String::trim)
                .filter(line -> line.startsWith("!")).map(line -> topFolder(line.substring(1)))
                .collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String read : buildInputs()) {
            if (!copied.contains(topFolder(read))) {
                problems.add(read + " is read by the build but not copied into the build stage");
            }
        }
        for (String folder : copied) {
            if (!ignoreFileKeeps.contains(folder)) {
                problems.add(folder + " is copied but left out of the context by " + DOCKER_IGNORE);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theServiceRunsAsAnotherUserThanRoot() throws IOException {
        List<Instruction> runtime = dockerStages().get(dockerStages().size() - 1);
        Instruction user = last(runtime, "USER");
        assertNotNull(user, "the runtime stage sets a USER");
        String name = user.args().split(":")[0].trim();
        assertFalse(name.equals("root") || name.equals("0"), "USER " + user.args());
        // the user must be able to write the inbox (and its .done/.failed), the default relative to WORKDIR
        Path workdir = Path.of(last(runtime, "WORKDIR").args());
        String inbox = workdir.resolve(DEFAULTS.getProperty(Setting.INBOX_DIR.property())).normalize().toString();
        assertTrue(all(runtime, "RUN").stream().anyMatch(r -> r.args().contains(inbox) && r.args().contains("chown")),
                "the runtime stage creates " + inbox + " and hands it to the service's user");
        // the service reads routes/*.yaml relative to its working folder when that folder has routes
        assertTrue(all(runtime, "COPY").stream().anyMatch(c -> c.args().matches(".*\\s(" + Pattern.quote(
                workdir.resolve("routes").toString()) + "|routes)/?$")), "the route files land in " + workdir + "/routes");
    }

    @Test
    void theHealthCheckAsksTheManagementPort() throws IOException {
        List<Instruction> runtime = dockerStages().get(dockerStages().size() - 1);
        String managementPort = DEFAULTS.getProperty(Setting.MANAGEMENT_PORT.property());
        String webhookPort = DEFAULTS.getProperty(Setting.WEBHOOK_PORT.property());
        Instruction check = last(runtime, "HEALTHCHECK");
        assertNotNull(check, "the runtime stage has a HEALTHCHECK");
        assertAll(
                () -> assertTrue(check.args().contains("/observe/health"), check.args()),
                () -> assertTrue(check.args().contains("${" + Setting.MANAGEMENT_PORT.environmentVariable() + ":-"
                        + managementPort + "}"), "the check follows QUIVO_MANAGEMENT_PORT, default " + managementPort),
                () -> assertTrue(variablesIn(check.args()).stream().allMatch(knownVariables()::contains),
                        "the check reads only variables the service knows: " + variablesIn(check.args())),
                () -> assertEquals(Set.of(managementPort, webhookPort),
                        all(runtime, "EXPOSE").stream().flatMap(e -> Arrays.stream(e.args().split("\\s+")))
                                .collect(Collectors.toSet())));
    }

    // ---------------------------------------------------------------------------------------------- compose.yaml

    @Test
    void composeRunsKafkaInKraftModeOnTheBuildsKafkaLine() throws IOException {
        String kafkaVersion = pom().getElementsByTagName("kafka.version").item(0).getTextContent().trim();
        String line = kafkaVersion.substring(0, kafkaVersion.lastIndexOf('.'));
        Map<String, Object> kafka = service("kafka");
        assertTrue(String.valueOf(kafka.get("image")).matches("apache/kafka:" + Pattern.quote(line) + "(\\.\\d+)?"),
                "apache/kafka on the " + line + " line, as the build's Kafka " + kafkaVersion + ": " + kafka.get("image"));
        Map<String, String> env = composeEnvironment(kafka);
        List<String> roles = Arrays.asList(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split("\\s*,\\s*"));
        assertAll(
                () -> assertTrue(roles.containsAll(List.of("broker", "controller")), "KRaft roles: " + roles),
                () -> assertTrue(env.containsKey("KAFKA_NODE_ID")),
                () -> assertTrue(env.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS")),
                () -> assertTrue(env.containsKey("CLUSTER_ID"), "the image formats KRaft storage with CLUSTER_ID"));
        for (Map.Entry<String, Object> each : services().entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) each.getValue();
            assertFalse(String.valueOf(service.get("image")).toLowerCase().contains("zookeeper"), each.getKey());
            assertTrue(composeEnvironment(service).keySet().stream().noneMatch(k -> k.contains("ZOOKEEPER")),
                    each.getKey());
        }
    }

    @Test
    void composesConnectorIsTheImageWiredToComposesKafka() throws IOException {
        Map<String, Object> connector = service(CONNECTOR);
        Map<?, ?> build = (Map<?, ?>) connector.get("build");
        Path context = COMPOSE.getParent().resolve(String.valueOf(build.get("context"))).normalize();
        assertEquals(Path.of(""), context, "the build context is the project, where pom.xml is");
        assertEquals(DOCKERFILE, context.resolve(String.valueOf(build.get("dockerfile"))).normalize());
        assertTrue(String.valueOf(connector.get("env_file")).contains(".env"), "env_file .env");
        assertTrue(String.valueOf(connector.get("depends_on")).contains("kafka"), "depends on kafka");

        Set<String> known = knownVariables();
        Set<String> used = new TreeSet<>(composeEnvironment(connector).keySet());
        used.addAll(variablesIn(String.valueOf(connector)));
        used.removeAll(known);
        assertEquals(Set.of(), used, "compose gives the service variables it never reads");

        String brokers = composeEnvironment(connector).get(Setting.KAFKA_BROKERS.environmentVariable());
        assertEquals(brokers, ServiceSettings.brokers(brokers));
        String advertised = composeEnvironment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        Set<String> reachable = Arrays.stream(advertised.split(",")).map(l -> l.substring(l.indexOf("://") + 3))
                .filter(hostPort -> hostPort.startsWith("kafka:")).collect(Collectors.toSet());
        assertTrue(reachable.containsAll(Arrays.asList(brokers.split(","))),
                "KAFKA_BROKERS " + brokers + " is a listener kafka advertises to other containers: " + reachable);

        List<String> containerPorts = ((List<?>) connector.get("ports")).stream()
                .map(p -> interpolate(String.valueOf(p))).map(p -> p.substring(p.lastIndexOf(':') + 1)).toList();
        assertTrue(containerPorts.containsAll(List.of(DEFAULTS.getProperty(Setting.MANAGEMENT_PORT.property()),
                DEFAULTS.getProperty(Setting.WEBHOOK_PORT.property()))), "published: " + containerPorts);

        Path workdir = Path.of(last(dockerStages().get(dockerStages().size() - 1), "WORKDIR").args());
        Path inbox = workdir.resolve(DEFAULTS.getProperty(Setting.INBOX_DIR.property())).normalize();
        assertTrue(((List<?>) connector.get("volumes")).stream().map(v -> String.valueOf(v).split(":"))
                        .anyMatch(parts -> parts.length > 1 && inbox.startsWith(Path.of(parts[1]))),
                "a volume holds the inbox " + inbox);
    }

    /** With --profile simulator: the documented QUIVO_BASE_URL and account reach the simulator compose starts. */
    @Test
    void theSimulatorProfileRunsTheSimulatorTheExampleFilePointsAt() throws IOException {
        Map<String, Object> simulator = service("simulator");
        assertEquals(List.of("simulator"), simulator.get("profiles"));
        List<String> entrypoint = stringList(simulator.get("entrypoint"));
        List<String> command = stringList(simulator.get("command"));
        assertEquals(QuivoSimulatorMain.class.getName(), entrypoint.get(entrypoint.size() - 1));
        String jarInImage = execForm(last(dockerStages().get(dockerStages().size() - 1), "ENTRYPOINT")).stream()
                .filter(word -> word.endsWith(".jar")).findFirst().orElseThrow();
        assertEquals(jarInImage, entrypoint.get(entrypoint.indexOf("-cp") + 1));
        // the simulator binds loopback, and the service allows plain http to loopback only: one network
        assertEquals("service:" + CONNECTOR, simulator.get("network_mode"));
        String port = command.get(command.indexOf("--port") + 1);

        String baseUrl = "http://127.0.0.1:" + port;
        assertTrue(envExample().contains(new Assignment(Setting.BASE_URL.environmentVariable(), baseUrl, true)),
                "docker/.env.example documents QUIVO_BASE_URL=" + baseUrl + " for the simulator profile");
        Map<String, String> profileEnv = new HashMap<>(composeEnvironment(service(CONNECTOR)));
        profileEnv.put(Setting.BASE_URL.environmentVariable(), baseUrl);
        profileEnv.put(Setting.API_KEY.environmentVariable(), QuivoSimulator.DEFAULT_API_KEY);
        profileEnv.put(Setting.USERNAME.environmentVariable(), QuivoSimulator.DEFAULT_USERNAME);
        profileEnv.put(Setting.PASSWORD.environmentVariable(), QuivoSimulator.DEFAULT_PASSWORD);
        for (Setting account : List.of(Setting.API_KEY, Setting.USERNAME, Setting.PASSWORD)) {
            assertTrue(envExample().stream().anyMatch(a -> a.commented() && a.name().equals(account.environmentVariable())
                            && a.value().equals(profileEnv.get(a.name()))),
                    "docker/.env.example gives the simulator's " + account.environmentVariable());
        }
        ServiceSettings settings = ServiceSettings.resolve(new SettingSources(profileEnv, new Properties(),
                List.of(DEFAULTS)));
        assertEquals(baseUrl, settings.baseUrl());
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Every variable the service reads: its settings, the properties its routes use, and log4j2.xml's. */
    private static Set<String> knownVariables() throws IOException {
        Set<String> known = new TreeSet<>();
        Arrays.stream(Setting.values()).map(Setting::environmentVariable).forEach(known::add);
        Pattern placeholder = Pattern.compile("\\{\\{([a-z][a-z0-9.-]*\\.[a-z0-9.-]+)(?::[^}]*)?}}");
        List<Path> configured = new ArrayList<>();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            routes.filter(p -> p.toString().endsWith(".yaml")).forEach(configured::add);
        }
        configured.add(Path.of("src/main/resources/application.properties"));
        for (Path file : configured) {
            Matcher m = placeholder.matcher(Files.readString(file));
            while (m.find()) {
                known.add(Setting.environmentVariable(m.group(1)));
            }
        }
        Matcher arbiter = Pattern.compile("<EnvironmentArbiter propertyName=\"([A-Z0-9_]+)\"")
                .matcher(Files.readString(Path.of("src/main/resources/log4j2.xml")));
        while (arbiter.find()) {
            known.add(arbiter.group(1));
        }
        return known;
    }

    /** The first column of README.md's tables, where it names variables: `QUIVO_USERNAME`, `QUIVO_PASSWORD`. */
    private static Set<String> readmeVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("| `")) {
                Matcher m = name.matcher(line.split("\\|")[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    record Assignment(String name, String value, boolean commented) {
    }

    /** NAME=value sets a variable; "# NAME=value" documents one left unset. Every other line is a comment. */
    private static List<Assignment> envExample() throws IOException {
        Pattern assignment = Pattern.compile("(#\\s?)?([A-Z][A-Z0-9_]*)=(.*)");
        List<Assignment> assignments = new ArrayList<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            Matcher m = assignment.matcher(line);
            if (m.matches()) {
                assignments.add(new Assignment(m.group(2), m.group(3).trim(), m.group(1) != null));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                fail(ENV_EXAMPLE + " has a line that is neither NAME=value nor a comment: " + line);
            }
        }
        return assignments;
    }

    record Instruction(String keyword, String args) {
    }

    /** The Dockerfile's instructions by stage, continuation lines joined and comments dropped, as Docker does. */
    private static List<List<Instruction>> dockerStages() throws IOException {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String text = pending.append(trimmed).toString().trim();
            pending.setLength(0);
            String[] parts = text.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].trim() : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static List<Instruction> all(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static Instruction last(List<Instruction> stage, String keyword) {
        List<Instruction> found = all(stage, keyword);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private static List<String> execForm(Instruction instruction) throws IOException {
        assertNotNull(instruction);
        assertTrue(instruction.args().startsWith("["), "exec form, so that java gets SIGTERM: " + instruction);
        return new ObjectMapper().readValue(instruction.args(), new TypeReference<List<String>>() { });
    }

    private static String topFolder(String path) {
        String relative = path.startsWith("./") ? path.substring(2) : path;
        int slash = relative.indexOf('/');
        return slash < 0 ? relative : relative.substring(0, slash);
    }

    private static Document pom() throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        } catch (Exception e) {
            throw new IOException("cannot read pom.xml", e);
        }
    }

    /** The runnable jar's name: the shade plugin's finalName (or outputFile) + .jar. */
    private static String builtJarName() throws IOException {
        Document pom = pom();
        Element build = child(pom.getDocumentElement(), "build");
        NodeList plugins = build.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("maven-shade-plugin".equals(child(plugin, "artifactId").getTextContent().trim())) {
                NodeList outputFile = plugin.getElementsByTagName("outputFile");
                if (outputFile.getLength() > 0) {
                    return Path.of(outputFile.item(0).getTextContent().trim()).getFileName().toString();
                }
                NodeList finalName = plugin.getElementsByTagName("finalName");
                if (finalName.getLength() > 0) {
                    return finalName.item(0).getTextContent().trim() + ".jar";
                }
            }
        }
        throw new AssertionError("pom.xml's shade plugin names no runnable jar");
    }

    /** The folders the default build reads besides pom.xml: resource and source folders, relative to the project. */
    private static Set<String> buildInputs() throws IOException {
        Element build = child(pom().getDocumentElement(), "build");
        Set<String> inputs = new TreeSet<>(List.of("pom.xml", "src/main/java"));
        for (String tag : List.of("directory", "source", "jsonDir")) {
            NodeList nodes = build.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                String path = nodes.item(i).getTextContent().trim().replace("${project.basedir}/", "");
                if (!path.startsWith("${")) {
                    inputs.add(path);
                }
            }
        }
        return inputs;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("pom.xml: no <" + name + "> under <" + parent.getTagName() + ">");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        Object compose = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(COMPOSE));
        return (Map<String, Object>) ((Map<String, Object>) compose).get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertNotNull(service, "compose.yaml has no service " + name);
        return service;
    }

    /** A service's environment, ${VAR:-default} as compose resolves it with VAR unset. */
    private static Map<String, String> composeEnvironment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object env = service.get("environment");
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), interpolate(String.valueOf(v))));
        } else if (env instanceof List<?> list) {
            list.forEach(entry -> {
                String[] kv = String.valueOf(entry).split("=", 2);
                environment.put(kv[0], kv.length > 1 ? interpolate(kv[1]) : "");
            });
        }
        return environment;
    }

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private static String interpolate(String text) {
        return INTERPOLATION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
    }

    private static Set<String> variablesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> stringList(Object yaml) {
        return ((List<?>) yaml).stream().map(String::valueOf).toList();
    }
}
