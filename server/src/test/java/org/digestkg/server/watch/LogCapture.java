package org.digestkg.server.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** What a logger writes while a test runs, as "LEVEL message" lines: the log a person running the server reads. */
final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final AbstractAppender appender;

    LogCapture(Class<?> of) {
        logger = (Logger) LogManager.getLogger(of);
        appender = new AbstractAppender("capture-" + of.getSimpleName(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                lines.add(e.getLevel() + " " + e.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    boolean has(String level, String... parts) {
        return lines.stream().anyMatch(l -> l.startsWith(level + " ") && List.of(parts).stream().allMatch(l::contains));
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
    }
}
