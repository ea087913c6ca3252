package io.camelquivo.kafka;

import io.camelquivo.metrics.QuivoMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.ObjectHelper;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a dead-letter record within the size Kafka accepts. A record that is too large can never be written, and
 * retrying it would repeat the call to Quivo before it each time. So when the record (value, key and headers) is
 * estimated over {@code quivo.dlq.max-record-bytes}, or Kafka has refused it as too large all the same, its value
 * goes to a file in {@code quivo.dlq.quarantine-dir}, byte for byte. The record is then written with an empty value
 * and two more headers: {@link #PAYLOAD_FILE}, where the payload is, and {@link #PAYLOAD_SIZE}, its size in bytes.
 */
public class DeadLetterQuarantine extends ServiceSupport implements Processor, CamelContextAware {

    public static final String PAYLOAD_FILE = "quivo.payload.file";
    public static final String PAYLOAD_SIZE = "quivo.payload.size";

    static final String FOLDER_PROPERTY = "quivo.dlq.quarantine-dir";
    static final String LIMIT_PROPERTY = "quivo.dlq.max-record-bytes";
    static final String DEFAULT_FOLDER = "./data/quarantine";
    /** Leaves room under the producer's default max.request.size (1048576) for Kafka's own framing. */
    static final long DEFAULT_LIMIT = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQuarantine.class);
    /** The headers camel-kafka leaves out of a record are left out of its size too. */
    private static final HeaderFilterStrategy KAFKA_HEADERS = new KafkaHeaderFilterStrategy();

    private CamelContext camelContext;
    private Path folder;
    private long maxRecordBytes;

    @Override
    protected void doStart() {
        String folderText = property(FOLDER_PROPERTY, DEFAULT_FOLDER);
        try {
            folder = Path.of(folderText);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(FOLDER_PROPERTY + " is not a usable path: " + folderText);
        }
        maxRecordBytes = positive(LIMIT_PROPERTY, property(LIMIT_PROPERTY, String.valueOf(DEFAULT_LIMIT)));
    }

    private static long positive(String name, String text) {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the setting's name
        }
        throw new IllegalArgumentException(name + " must be a positive number of bytes, not " + text);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        // after a write, the route's doCatch leaves Kafka's refusal there; before it, the dead-letter's own reason
        boolean refusedByKafka = ObjectHelper.getException(RecordTooLargeException.class,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)) != null;
        long estimate = estimatedSize(exchange);
        if (!refusedByKafka && estimate <= maxRecordBytes) {
            return;
        }
        Message message = exchange.getMessage();
        byte[] payload = message.getBody(byte[].class);
        String origin = message.getHeader(DeadLetterRecord.ORIGIN, String.class);
        Path file = write(payload, origin + "-" + message.getHeader(DeadLetterRecord.FAILED_AT, String.class));
        message.setBody(new byte[0]);
        message.setHeader(PAYLOAD_FILE, file.toString());
        message.setHeader(PAYLOAD_SIZE, String.valueOf(payload.length));

        String operation = message.getHeader(DeadLetterRecord.OPERATION, "unknown", String.class);
        QuivoMetrics.of(exchange.getContext()).onQuarantine(operation);
        String why = refusedByKafka ? "Kafka refused the record as too large"
                : "the record would be about " + estimate + " bytes, over " + LIMIT_PROPERTY + "=" + maxRecordBytes;
        LOG.warn("Dead-letter payload of order {} from {} ({} bytes) moved to quarantine file {}: {}",
                message.getHeader(KafkaConstants.KEY), origin, payload.length, file, why);
    }

    /** The record as camel-kafka would write it: value, key, and the headers it does not filter out. */
    private static long estimatedSize(Exchange exchange) {
        Message message = exchange.getMessage();
        long size = length(message.getBody()) + length(message.getHeader(KafkaConstants.KEY));
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            if (!KAFKA_HEADERS.applyFilterToCamelHeaders(header.getKey(), header.getValue(), exchange)) {
                size += length(header.getKey()) + length(header.getValue());
            }
        }
        return size;
    }

    private static long length(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
        return Long.BYTES; // numbers and booleans; camel-kafka skips other types
    }

    /**
     * Writes the payload under a name made from its origin and time, synced to disk before the record that points
     * to it is written, and complete under that name or not there at all.
     */
    private Path write(byte[] payload, String description) throws IOException {
        Files.createDirectories(folder);
        String name = description.replaceAll("[^A-Za-z0-9._-]", "_") + ".payload";
        Path part = Files.createTempFile(folder, name, ".part");
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Path file = folder.resolve(name);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file.toAbsolutePath().normalize();
    }

    private String property(String name, String fallback) {
        return camelContext.getPropertiesComponent().resolveProperty(name).orElse(fallback);
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
