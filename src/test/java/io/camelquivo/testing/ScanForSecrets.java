package io.camelquivo.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link QuivoTestSupport} class: every test is searched for the account's secrets once it and its Camel
 * context are done. The class's simulator gets a long, random API key and password; every log line written while
 * a test runs is captured at the configured levels; the lines and the records on the test's topics (its
 * dead-letters, say: {@link RoutesTestSupport#scannedTopics()}) are searched for the key, the password and every
 * token the simulator issued. One hit fails the test. See {@link TestSimulator}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface ScanForSecrets {
}
