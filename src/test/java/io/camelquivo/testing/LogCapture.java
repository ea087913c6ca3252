package io.camelquivo.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;

/** Records every log line, with its stack trace, that the named loggers write while it is open. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String[] loggers;
    private final boolean levelsChanged;

    private LogCapture(boolean levelsChanged, String... loggers) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        this.loggers = loggers;
        this.levelsChanged = levelsChanged;
    }

    /** Opens the capture with the named loggers at DEBUG. */
    public static LogCapture open(String... loggers) {
        LogCapture capture = new LogCapture(true, loggers);
        capture.start();
        for (String name : loggers) {
            Configurator.setLevel(name, Level.DEBUG);
            ((Logger) LogManager.getLogger(name)).addAppender(capture);
        }
        return capture;
    }

    /** Opens the capture of every line the root logger writes at the levels the log configuration sets. */
    public static LogCapture openAsConfigured() {
        LogCapture capture = new LogCapture(false, LogManager.ROOT_LOGGER_NAME);
        capture.start();
        ((Logger) LogManager.getRootLogger()).addAppender(capture);
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringWriter text = new StringWriter();
        text.append(event.getLoggerName()).append(' ').append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            event.getThrown().printStackTrace(new PrintWriter(text));
        }
        lines.add(text.toString());
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        for (String name : loggers) {
            ((Logger) LogManager.getLogger(name)).removeAppender(this);
        }
        if (levelsChanged) {
            ((LoggerContext) LogManager.getContext(false)).reconfigure();
        }
        stop();
    }
}
