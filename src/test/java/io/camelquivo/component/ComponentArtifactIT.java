package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.simulator.QuivoSimulatorExtension;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.ServiceJar;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The component artifact as a Camel user meets it: the main jar plus exactly what Maven gives an application
 * that depends on it (this pom's non-optional dependencies, resolved by Maven itself), inside a small camel-main
 * app with its own application.properties and Log4j2 configuration.
 */
class ComponentArtifactIT {

    @RegisterExtension
    static QuivoSimulatorExtension sim = new QuivoSimulatorExtension();

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String APP_LOG_MARK = "SHOP-APP";

    private static Path componentJar;

    @BeforeAll
    static void findTheJar() {
        componentJar = Path.of(System.getProperty("quivo.component.jar",
                BASEDIR.resolve("target/quivo-connector-" + System.getProperty("project.version") + ".jar").toString()));
        assertTrue(Files.isRegularFile(componentJar), componentJar + " is missing: run mvn verify");
    }

    @Test
    void holdsTheComponentAndNothingOfTheService() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(componentJar.toFile())) {
            entries = jar.stream().map(entry -> entry.getName()).collect(Collectors.toList());
        }
        assertTrue(entries.contains("io/camelquivo/component/QuivoComponent.class"));
        assertTrue(entries.contains("io/camelquivo/simulator/QuivoSimulatorExtension.class"));
        assertTrue(entries.contains("io/camelquivo/policy/QuivoErrorPolicy.class"));
        assertTrue(entries.contains("META-INF/services/org/apache/camel/component/quivo"));
        assertTrue(entries.contains("kamelets/quivo-order-sink.kamelet.yaml"), "where camel-kamelet looks by default");
        List<String> foreign = entries.stream()
                .filter(name -> name.startsWith("io/camelquivo/service/") || name.startsWith("io/camelquivo/kafka/")
                        || name.startsWith("io/camelquivo/webhook/") || name.startsWith("io/camelquivo/metrics/")
                        || name.startsWith("io/camelquivo/tracing/")
                        || name.startsWith("io/camelquivo/console/") || name.startsWith("console/")
                        || name.startsWith("routes/") || name.equals("application.properties")
                        || name.equals("log4j2.xml") || name.endsWith("/quivo-kafka"))
                .collect(Collectors.toList());
        assertEquals(List.of(), foreign, "the service's classes, settings, logging and routes stay out of the component");
    }

    @Test
    void itsDependencyTreeHoldsNoKafkaScalaVertxOrLog4jBackend(@TempDir Path work) throws Exception {
        List<Path> classpath = resolve(work, List.of());
        List<String> names = classpath.stream().map(jar -> jar.getFileName().toString()).collect(Collectors.toList());
        assertTrue(names.stream().anyMatch(name -> name.startsWith("camel-support-")), names::toString);
        assertTrue(names.stream().anyMatch(name -> name.startsWith("httpclient5-")), names::toString);
        List<String> heavy = names.stream()
                .filter(name -> name.startsWith("kafka") || name.startsWith("scala") || name.startsWith("vertx")
                        || name.startsWith("log4j-core") || name.startsWith("log4j-slf4j") || name.startsWith("camel-main")
                        || name.startsWith("micrometer") || name.startsWith("opentelemetry")
                        || name.startsWith("camel-opentelemetry") || name.startsWith("camel-telemetry"))
                .collect(Collectors.toList());
        assertEquals(List.of(), heavy, "an application that adds the component gets none of these");
    }

    @Test
    void aCamelMainAppCreatesAnOrderWithOnlyTheComponent(@TempDir Path work) throws Exception {
        // the application's own choices: camel-main and a Log4j2 backend
        List<Path> classpath = new ArrayList<>(resolve(work, List.of(
                "org.apache.camel:camel-main", "org.apache.logging.log4j:log4j-slf4j2-impl",
                "org.apache.logging.log4j:log4j-core")));
        classpath.add(0, componentJar);
        Path appClasses = Files.createDirectories(work.resolve("app-classes"));
        compileApp(appClasses, classpath);
        String orderIdentifier = "APP-" + System.nanoTime();
        Files.writeString(appClasses.resolve("application.properties"), String.join("\n",
                "camel.main.name = shop-app",
                "camel.component.quivo.base-url = " + sim.simulator().baseUrl(),
                "camel.component.quivo.api-key = " + sim.simulator().apiKey(),
                "camel.component.quivo.username = " + sim.simulator().username(),
                "camel.component.quivo.password = " + sim.simulator().password(),
                "camel.component.quivo.pending-create-file = " + work.resolve("pending.txt"),
                "shop.order = " + Orders.valid(orderIdentifier).replace("\n", " ")));
        Files.writeString(appClasses.resolve("log4j2.xml"), """
                <Configuration status="WARN">
                  <Appenders><Console name="out"><PatternLayout pattern="%s %%level %%c{1} - %%msg%%n"/></Console></Appenders>
                  <Loggers><Root level="INFO"><AppenderRef ref="out"/></Root></Loggers>
                </Configuration>
                """.formatted(APP_LOG_MARK));
        classpath.add(0, appClasses);

        Path log = work.resolve("app.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                "shop.ShopApp")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(app.waitFor(120, TimeUnit.SECONDS), "the app did not end\n" + ServiceJar.tail(log));
        String output = Files.readString(log);
        assertEquals(0, app.exitValue(), output);

        assertEquals(1, sim.simulator().orders().byIdentifier(orderIdentifier).size(), output);
        assertTrue(output.contains(APP_LOG_MARK + " INFO ShopApp - order " + orderIdentifier + " accepted"), output);
        assertFalse(output.contains("not found in properties"), output);
        assertFalse(output.lines().anyMatch(line -> !line.isBlank() && !line.startsWith(APP_LOG_MARK)
                && !line.startsWith("\tat ") && !line.startsWith("WARNING")),
                "every line goes through the app's own Log4j2 configuration\n" + output);
    }

    /** A camel-main app of a shop: it sends the order of its properties to Quivo, logs the outcome and ends. */
    private static void compileApp(Path classes, List<Path> classpath) throws IOException {
        Path source = Files.createDirectories(classes.getParent().resolve("src/shop")).resolve("ShopApp.java");
        Files.writeString(source, """
                package shop;

                import org.apache.camel.CamelContext;
                import org.apache.camel.main.BaseMainSupport;
                import org.apache.camel.main.Main;
                import org.apache.camel.main.MainListenerSupport;
                import org.slf4j.LoggerFactory;

                public class ShopApp {
                    public static void main(String[] args) throws Exception {
                        Main main = new Main();
                        main.addMainListener(new MainListenerSupport() {
                            @Override
                            public void afterStart(BaseMainSupport started) {
                                CamelContext camel = started.getCamelContext();
                                String order = camel.resolvePropertyPlaceholders("{{shop.order}}");
                                camel.createFluentProducerTemplate().to("quivo:orders.create").withBody(order).request();
                                String id = order.replaceAll(".*\\"orderIdentifier\\":\\"([^\\"]+)\\".*", "$1");
                                LoggerFactory.getLogger(ShopApp.class).info("order {} accepted", id);
                                main.completed();
                            }
                        });
                        main.run(args);
                    }
                }
                """);
        StringWriter errors = new StringWriter();
        boolean compiled = ToolProvider.getSystemJavaCompiler().getTask(errors, null, null,
                List.of("-d", classes.toString(), "-cp",
                        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))),
                null, ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null)
                        .getJavaFileObjects(source.toFile())).call();
        assertTrue(compiled, errors.toString());
    }

    /**
     * What Maven resolves for an application that depends on the component, plus {@code extra} of its own: a
     * pom with this pom's managed versions and its non-optional, non-test dependencies, which is exactly what
     * Maven passes on to a dependent project.
     */
    private static List<Path> resolve(Path work, List<String> extra) throws Exception {
        Document ours = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(BASEDIR.resolve("pom.xml").toFile());
        Document app = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element project = app.createElement("project");
        app.appendChild(project);
        text(app, project, "modelVersion", "4.0.0");
        text(app, project, "groupId", "shop");
        text(app, project, "artifactId", "shop-app");
        text(app, project, "version", "1");
        project.appendChild(app.importNode(child(ours.getDocumentElement(), "properties"), true));
        project.appendChild(app.importNode(child(ours.getDocumentElement(), "dependencyManagement"), true));
        Element dependencies = app.createElement("dependencies");
        project.appendChild(dependencies);
        NodeList declared = child(ours.getDocumentElement(), "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < declared.getLength(); i++) {
            Element dependency = (Element) declared.item(i);
            String scope = childText(dependency, "scope", "compile");
            if (!"true".equals(childText(dependency, "optional", "false"))
                    && (scope.equals("compile") || scope.equals("runtime"))) {
                dependencies.appendChild(app.importNode(dependency, true));
            }
        }
        for (String coordinates : extra) {
            Element dependency = app.createElement("dependency");
            String[] parts = coordinates.split(":");
            text(app, dependency, "groupId", parts[0]);
            text(app, dependency, "artifactId", parts[1]);
            dependencies.appendChild(dependency);
        }
        Path folder = Files.createDirectories(work.resolve(extra.isEmpty() ? "component-only" : "app"));
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.transform(new DOMSource(app), new StreamResult(folder.resolve("pom.xml").toFile()));

        Path classpathFile = folder.resolve("classpath.txt");
        Path log = folder.resolve("mvn.log");
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "-f", folder.resolve("pom.xml").toString(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath",
                "-Dmdep.outputFile=" + classpathFile, "-Dmdep.includeScope=runtime"));
        if (System.getProperty("maven.repo.local") != null) {
            command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        }
        Process mvn = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(5, TimeUnit.MINUTES), "mvn did not end");
        assertEquals(0, mvn.exitValue(), Files.readString(log));
        return Arrays.stream(Files.readString(classpathFile).trim().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).collect(Collectors.toList());
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("pom.xml has no <" + name + ">");
    }

    private static String childText(Element parent, String name, String otherwise) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return otherwise;
    }

    private static void text(Document document, Element parent, String name, String value) {
        Element element = document.createElement(name);
        element.setTextContent(value);
        parent.appendChild(element);
    }
}
