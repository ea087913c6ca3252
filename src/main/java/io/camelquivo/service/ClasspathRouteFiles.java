package io.camelquivo.service;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Turns a {@code classpath:folder/*.yaml} entry of a routes include pattern into the files it names, read from
 * the jar's directory (or the folder on the class path). Camel resolves such a wildcard by reading every entry of
 * every jar on the class path through a JarInputStream, which inflates the whole jar: the service's runnable jar
 * is 165 MB unpacked, and camel-main does it twice (modeline, then routes), which cost about 3 s of CPU at start.
 * An entry this cannot list exactly (no wildcard, a wildcard in the folder, another kind of URL, nothing found)
 * is left for Camel as it was.
 */
final class ClasspathRouteFiles {

    private static final String CLASSPATH = "classpath:";

    private ClasspathRouteFiles() {
    }

    /** {@code includePattern} (comma-separated) with each listable classpath wildcard replaced by its files. */
    static String listed(String includePattern, ClassLoader loader) {
        List<String> entries = new ArrayList<>();
        for (String entry : includePattern.split(",")) {
            entries.addAll(listed1(entry.trim(), loader));
        }
        return String.join(",", entries);
    }

    private static List<String> listed1(String entry, ClassLoader loader) {
        if (!entry.startsWith(CLASSPATH)) {
            return List.of(entry);
        }
        String path = entry.substring(CLASSPATH.length());
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        String glob = path.substring(slash + 1);
        if (folder.isEmpty() || !glob.contains("*") || folder.contains("*") || folder.contains("?")
                || glob.contains("?") || glob.contains("{") || glob.contains("[")) {
            return List.of(entry);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder + "/"))) {
                if (!list(url, folder, matcher, names)) {
                    return List.of(entry);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException unlisted) {
            return List.of(entry);
        }
        if (names.isEmpty()) {
            return List.of(entry);
        }
        return names.stream().map(name -> CLASSPATH + folder + "/" + name).toList();
    }

    /** Adds the matching file names in {@code url}'s folder; false when it is neither a jar nor a folder. */
    private static boolean list(URL url, String folder, PathMatcher matcher, TreeSet<String> names)
            throws IOException, URISyntaxException {
        switch (url.getProtocol()) {
            case "file" -> {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(url.toURI()))) {
                    for (Path file : files) {
                        if (Files.isRegularFile(file) && matcher.matches(file.getFileName())) {
                            names.add(file.getFileName().toString());
                        }
                    }
                }
                return true;
            }
            case "jar" -> {
                URL jarFile = ((JarURLConnection) url.openConnection()).getJarFileURL();
                if (!"file".equals(jarFile.getProtocol())) {
                    return false;
                }
                // opened and closed here: JarFile reads only the jar's directory, and no cached copy stays open
                try (JarFile jar = new JarFile(Path.of(jarFile.toURI()).toFile())) {
                    String prefix = folder + "/";
                    for (JarEntry jarEntry : Collections.list(jar.entries())) {
                        String name = jarEntry.getName();
                        if (!jarEntry.isDirectory() && name.startsWith(prefix)
                                && name.indexOf('/', prefix.length()) < 0
                                && matcher.matches(Path.of(name.substring(prefix.length())))) {
                            names.add(name.substring(prefix.length()));
                        }
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
