package io.camelquivo.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camelquivo.testing.Concurrently;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default pending-creates store: what it holds survives a restart, within its capacity, oldest out first. */
class PendingCreatesFileTest {

    @TempDir
    Path dir;

    private PendingCreatesFile started(int capacity) {
        PendingCreatesFile store = new PendingCreatesFile(dir.resolve("state/pending.txt"), capacity);
        store.start();
        return store;
    }

    @Test
    void addsAndRemovesSurviveARestart() {
        PendingCreatesFile store = started(100);
        assertTrue(store.add("A"));
        assertFalse(store.add("A"), "held already");
        store.add("B");
        store.add("line\nbreak\\");
        store.remove("B");
        store.stop();

        PendingCreatesFile again = started(100);
        assertTrue(again.contains("A"));
        assertFalse(again.contains("B"));
        assertTrue(again.contains("line\nbreak\\"));
    }

    @Test
    void theOldestAreForgottenBeyondTheCapacityAndTheFileStaysSmall() throws Exception {
        PendingCreatesFile store = started(10);
        store.add("KEEP-ME");
        store.remove("KEEP-ME");
        store.add("KEEP-ME"); // added again: now among the newest, not evicted as its earlier self
        for (int i = 0; i < 1000; i++) {
            store.add("K-" + i);
        }
        store.add("KEEP-ME-TOO");
        store.stop();

        PendingCreatesFile again = started(10);
        assertTrue(again.contains("K-999"));
        assertTrue(again.contains("KEEP-ME-TOO"));
        assertFalse(again.contains("K-0"));
        assertFalse(again.contains("KEEP-ME"), "evicted once 10 newer ones came");
        long lines = Files.readAllLines(dir.resolve("state/pending.txt")).size();
        assertTrue(lines <= 20, "rewritten as it grew: " + lines + " lines");
    }

    @Test
    void aLineACrashCutShortIsIgnoredAndAnOldFileOfOneKeyALineIsRead() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/pending.txt"), "OLD-1\nOLD-2\n+NEW\n-OLD-2\n+CUT-SHO",
                StandardCharsets.UTF_8);

        PendingCreatesFile store = started(100);

        assertTrue(store.contains("OLD-1"));
        assertFalse(store.contains("OLD-2"));
        assertTrue(store.contains("NEW"));
        assertFalse(store.contains("CUT-SHO"));
    }

    @Test
    void concurrentAddsAreEachWrittenOnce() throws Exception {
        PendingCreatesFile store = started(100_000);
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        Concurrently.run(16, () -> {
            int thread = threads.getAndIncrement();
            IntStream.range(0, 500).forEach(i -> store.add("T" + thread + "-" + i));
            return thread;
        });
        store.stop();

        PendingCreatesFile again = started(100_000);
        for (int thread = 0; thread < 16; thread++) {
            for (int i = 0; i < 500; i++) {
                assertTrue(again.contains("T" + thread + "-" + i));
            }
        }
        assertEquals(8000, Files.readAllLines(dir.resolve("state/pending.txt")).size());
    }
}
