package io.camelquivo.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.component.QuivoOperation;
import io.camelquivo.simulator.RequestRecord;
import io.camelquivo.testing.ExampleCalls;
import io.camelquivo.testing.Orders;
import io.camelquivo.testing.QuivoTestSupport;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples in connector-docs/operations/ work as they stand on the page: each page's route file is loaded
 * by the YAML DSL, and its Java RouteBuilder compiled, and every operation of the page is called through them
 * against the simulator (a consumer is started and must poll). This is what proves that quivo:&lt;name&gt;
 * works for each operation from a route file.
 */
class DocExamplesTest extends QuivoTestSupport {

    private static final Pattern BLOCK = Pattern.compile("```(yaml|java)\n(.*?)```", Pattern.DOTALL);

    static Stream<OperationPages.Group> groups() {
        return OperationPages.GROUPS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void theRouteFileCallsEveryOperationOfThePage(OperationPages.Group group) throws Exception {
        String yaml = block(group, "yaml");
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(group.page() + ".yaml", yaml));

        callEveryOperation(group);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void theJavaRouteBuilderCallsEveryOperationOfThePage(OperationPages.Group group) throws Exception {
        context.addRoutes(compile(group.className(), block(group, "java")));

        callEveryOperation(group);
    }

    private static String block(OperationPages.Group group, String language) throws Exception {
        Matcher block = BLOCK.matcher(Files.readString(group.path(), StandardCharsets.UTF_8));
        while (block.find()) {
            if (block.group(1).equals(language)) {
                return block.group(2);
            }
        }
        throw new AssertionError(group.path() + " has no " + language + " example");
    }

    private void callEveryOperation(OperationPages.Group group) throws Exception {
        ExampleCalls.seed(simulator());
        template.requestBody("quivo:orders.create", Orders.valid("SEED-1")); // order 1
        for (QuivoOperation operation : group.operations()) {
            String route = operation == QuivoOperation.REQUEST ? "GET /warehouses"
                    : operation.method() + " " + operation.pathTemplate();
            int before = simulator().stats().requestLog().size();
            if (operation.isChanges()) {
                awaitCall(route, before, operation);
            } else {
                template.requestBody("direct:" + operation.id(), ExampleCalls.body(operation.id()));
                List<RequestRecord> calls = callsSince(before, route);
                assertEquals(1, calls.size(), operation.id() + " called " + route + " once");
                assertTrue(calls.get(0).status() < 300, operation.id() + " answered " + calls.get(0).status());
            }
        }
    }

    /** A consumer polls on its own, the first time about a second after its route starts. */
    private void awaitCall(String route, int before, QuivoOperation feed) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (callsSince(0, route).stream().anyMatch(call -> call.status() == 200 && call.path().contains("sort="))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(feed.id() + " never polled " + route + " (calls since: " + callsSince(before, route) + ")");
    }

    private List<RequestRecord> callsSince(int index, String route) {
        return simulator().stats().requestLog().stream().skip(index).filter(call -> route.equals(call.route())).toList();
    }

    /** Compiles the page's class against the test's own classpath, as a user's build would. */
    private static RoutesBuilder compile(String className, String source) throws Exception {
        Path dir = Files.createTempDirectory("doc-example");
        Files.writeString(dir.resolve(className + ".java"), source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, "-classpath", classpath, "-d", dir.toString(),
                dir.resolve(className + ".java").toString());
        assertEquals(0, status, className + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, DocExamplesTest.class.getClassLoader());
        return (RoutesBuilder) loader.loadClass(className).getDeclaredConstructor().newInstance();
    }
}
