package io.camelquivo.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathRouteFilesTest {

    @TempDir
    Path dir;

    @Test
    void theBundledRoutesAreListedOneByOne() throws Exception {
        String listed = ClasspathRouteFiles.listed("classpath:routes/*.yaml", getClass().getClassLoader());
        try (var files = Files.list(Path.of("routes"))) {
            String expected = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .sorted()
                    .map(name -> "classpath:routes/" + name)
                    .reduce((a, b) -> a + "," + b)
                    .orElseThrow();
            assertEquals(expected, listed);
        }
    }

    @Test
    void aJarOnTheClassPathIsListedFromItsDirectory() throws Exception {
        Path jar = dir.resolve("routes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"flows/", "flows/b.yaml", "flows/a.yaml", "flows/notes.txt",
                    "flows/deeper/c.yaml", "other/d.yaml"}) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write("- route: {}".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals("classpath:flows/a.yaml,classpath:flows/b.yaml,file:routes/*.yaml",
                    ClasspathRouteFiles.listed("classpath:flows/*.yaml, file:routes/*.yaml", loader));
        }
    }

    @Test
    void whatCannotBeListedExactlyIsLeftToCamel() throws Exception {
        Files.createDirectories(dir.resolve("flows"));
        Files.writeString(dir.resolve("flows/a.yaml"), "- route: {}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals("classpath:flows/a.yaml", ClasspathRouteFiles.listed("classpath:flows/*.yaml", loader));
            assertEquals("classpath:flows/*.json", ClasspathRouteFiles.listed("classpath:flows/*.json", loader));
            assertEquals("classpath:nothing/*.yaml", ClasspathRouteFiles.listed("classpath:nothing/*.yaml", loader));
            assertEquals("classpath:*/a.yaml", ClasspathRouteFiles.listed("classpath:*/a.yaml", loader));
            assertEquals("classpath:flows/a.yaml", ClasspathRouteFiles.listed("classpath:flows/a.yaml", loader));
        }
    }
}
