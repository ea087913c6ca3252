package io.camelquivo.kafka;

import java.io.File;
import java.io.Flushable;
import java.io.IOException;
import java.util.Locale;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The snapshot of the stock feed (routes/quivo-stock.yaml): in a file (Camel's {@link FileStateRepository}, the
 * default) or on a compacted Kafka topic ({@link #getKafka() kafka}, a {@link KafkaStateRepository}), as
 * {@link #setStore store} says. Each start opens the store afresh and reads it whole, each stop closes it: the
 * stock consumer starts it when its instance becomes the leader, and must then see what the previous leader
 * wrote.
 */
public class StockSnapshotStore extends ServiceSupport implements StateRepository<String, String>, Flushable {

    /**
     * The file is rewritten from memory only when its appended lines pass this size. Camel's default, 1 MB, is
     * about what a few warehouses' stock takes, and past it every write would rewrite the whole file.
     */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private String store = "file";
    private String file = "";
    private final KafkaStateRepository kafka = new KafkaStateRepository();
    private StateRepository<String, String> delegate;

    @Override
    protected void doStart() throws Exception {
        delegate = switch (store.trim().toLowerCase(Locale.ROOT)) {
            case "file" -> fileRepository();
            case "kafka" -> kafka;
            default -> throw new IllegalArgumentException("quivo.stock.snapshot-store must be file or kafka, not '"
                    + store + "'");
        };
        ServiceHelper.startService(delegate);
    }

    private StateRepository<String, String> fileRepository() {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("quivo.stock.snapshot-file must name the snapshot's file");
        }
        File snapshot = new File(file.trim());
        File folder = snapshot.getAbsoluteFile().getParentFile();
        if (folder != null) {
            folder.mkdirs();
        }
        return FileStateRepository.fileStateRepository(snapshot, MAX_FILE_BYTES);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(delegate);
        delegate = null;
    }

    @Override
    public String getState(String key) {
        return started().getState(key);
    }

    @Override
    public void setState(String key, String value) {
        started().setState(key, value);
    }

    @Override
    public void flush() throws IOException {
        if (started() instanceof Flushable buffered) {
            buffered.flush();
        }
    }

    private StateRepository<String, String> started() {
        StateRepository<String, String> current = delegate;
        if (current == null) {
            throw new IllegalStateException("The stock snapshot is read only while the stock feed runs");
        }
        return current;
    }

    public String getStore() {
        return store;
    }

    /** {@code file} (the default) or {@code kafka}. */
    public void setStore(String store) {
        this.store = store == null || store.isBlank() ? "file" : store;
    }

    public String getFile() {
        return file;
    }

    /** The snapshot's file, for {@code store=file}; its folder is created when missing. */
    public void setFile(String file) {
        this.file = file == null ? "" : file;
    }

    /** The Kafka store's settings ({@code kafka.topic}, {@code kafka.bootstrapServers}, {@code kafka.maxBlockMs}). */
    public KafkaStateRepository getKafka() {
        return kafka;
    }
}
