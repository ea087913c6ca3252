package io.camelquivo.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default pending-creates repository: the identifiers sent to Quivo, in memory and in an append-only file
 * that a restart reads back. Each add or remove writes one line ({@code +key} or {@code -key}), concurrently;
 * the file is rewritten with what it holds only once it has grown to twice its capacity.
 *
 * <p>Camel's FileIdempotentRepository would do the job, but every new key makes it read its whole file under
 * one lock, and every remove rewrite it: with each create adding a key, that serialised all creates and grew
 * slower with every order. This holds at most {@code capacity} keys, forgetting the oldest first.
 */
public final class PendingCreatesFile extends ServiceSupport implements IdempotentRepository {

    private final Path file;
    private final int capacity;
    /** Each key with the number of its add, so that a key removed and added again is not evicted as its old self. */
    private final Map<String, Long> keys = new ConcurrentHashMap<>();
    private final Queue<Added> oldestFirst = new ConcurrentLinkedQueue<>();
    private final AtomicLong adds = new AtomicLong();
    /** Appends share it; a rewrite of the file takes it alone. */
    private final ReadWriteLock rewrite = new ReentrantReadWriteLock();
    private final AtomicLong lines = new AtomicLong();
    private volatile FileChannel log;

    private record Added(String key, long number) {
    }

    public PendingCreatesFile(Path file, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.file = file;
        this.capacity = capacity;
    }

    @Override
    protected void doStart() throws Exception {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        keys.clear();
        oldestFirst.clear();
        if (Files.exists(file)) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            // a last line without its newline is one a crash cut short: its add or remove never returned
            int complete = content.lastIndexOf('\n') + 1;
            for (String line : content.substring(0, complete).split("\n")) {
                if (line.startsWith("+")) {
                    remember(unescape(line.substring(1)));
                } else if (line.startsWith("-")) {
                    keys.remove(unescape(line.substring(1)));
                } else if (!line.isEmpty()) {
                    remember(line); // a file of Camel's FileIdempotentRepository, which held one key a line
                }
            }
        }
        rewriteFile(true);
    }

    @Override
    protected void doStop() throws Exception {
        FileChannel open = log;
        log = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public boolean add(String key) {
        if (!remember(key)) {
            return false;
        }
        append('+', key);
        return true;
    }

    @Override
    public boolean contains(String key) {
        return keys.containsKey(key);
    }

    @Override
    public boolean remove(String key) {
        if (keys.remove(key) == null) {
            return false;
        }
        append('-', key);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        keys.clear();
        oldestFirst.clear();
        try {
            rewriteFile(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holds the key, forgetting the oldest beyond the capacity; false when it was held already. */
    private boolean remember(String key) {
        long number = adds.incrementAndGet();
        if (keys.putIfAbsent(key, number) != null) {
            return false;
        }
        oldestFirst.add(new Added(key, number));
        while (keys.size() > capacity) {
            Added oldest = oldestFirst.poll();
            if (oldest == null) {
                break;
            }
            keys.remove(oldest.key(), oldest.number());
        }
        return true;
    }

    /** One line; a single write in append mode, so lines of concurrent callers never interleave. */
    private void append(char op, String key) {
        ByteBuffer line = ByteBuffer.wrap((op + escape(key) + "\n").getBytes(StandardCharsets.UTF_8));
        rewrite.readLock().lock();
        try {
            FileChannel open = log;
            if (open == null) {
                throw new IllegalStateException("the pending creates file " + file + " is not open");
            }
            while (line.hasRemaining()) {
                open.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the pending creates file " + file, e);
        } finally {
            rewrite.readLock().unlock();
        }
        if (lines.incrementAndGet() > 2L * capacity) {
            try {
                rewriteFile(false);
            } catch (IOException e) {
                throw new UncheckedIOException("could not rewrite the pending creates file " + file, e);
            }
        }
    }

    /** Replaces the file with one line per key held, atomically, and appends to the new one from then on. */
    private void rewriteFile(boolean always) throws IOException {
        rewrite.writeLock().lock();
        try {
            if (!always && lines.get() <= 2L * capacity) {
                return; // another caller rewrote it meanwhile
            }
            Path fresh = file.resolveSibling(file.getFileName() + ".new");
            StringBuilder content = new StringBuilder();
            for (Added added : oldestFirst) {
                if (Long.valueOf(added.number()).equals(keys.get(added.key()))) {
                    content.append('+').append(escape(added.key())).append('\n');
                }
            }
            Files.writeString(fresh, content, StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            FileChannel previous = log;
            log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (previous != null) {
                previous.close();
            }
            lines.set(keys.size());
            oldestFirst.removeIf(added -> !Long.valueOf(added.number()).equals(keys.get(added.key())));
        } finally {
            rewrite.writeLock().unlock();
        }
    }

    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String escaped) {
        StringBuilder key = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                char next = escaped.charAt(++i);
                key.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }
}
