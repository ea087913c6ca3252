package io.camelquivo.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter write failed (Kafka unreachable, say). The failure stands, so the message is not
 * acknowledged: a Kafka offset stays uncommitted and the route pauses. An inbox file is moved to the inbox's
 * {@code .failed/} folder first, so that the inbox does not pick it up again at once; the inbox routes send
 * it through again later, on their own.
 */
public class ParkUnwritten implements Processor {

    /** The folder, inside the inbox, of files whose outcome could not be written. */
    public static final String FAILED_DIR = ".failed";

    private static final Logger LOG = LoggerFactory.getLogger(ParkUnwritten.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String file = exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class);
        if (file != null && Files.exists(Path.of(file))) {
            Path source = Path.of(file);
            Path failed = source.resolveSibling(FAILED_DIR);
            Files.createDirectories(failed);
            Files.move(source, freeName(failed, source.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The dead-letter record of {} could not be written ({}); the file waits in {} and is sent"
                    + " again later", source.getFileName(), failure, failed);
        }
        throw failure;
    }

    /** Never over an earlier file of the same name: nothing in .failed/ is ever lost. */
    private static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        for (int n = 1; Files.exists(target); n++) {
            target = folder.resolve(dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot));
        }
        return target;
    }
}
