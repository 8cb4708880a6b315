package org.c2cgateway.app;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * The gateway's own {@code logback.xml}, loaded apart with a chosen {@code c2c.logging.format}: so that a test
 * formats captured events exactly as a running gateway would write them, without switching the JVM's logging.
 */
final class LogFormats {

    private final Encoder<ILoggingEvent> encoder;

    private LogFormats(String format) {
        LoggerContext context = new LoggerContext();
        context.putProperty("c2c.logging.format", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(LogFormats.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml does not load: " + e.getMessage(), e);
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        this.encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("OUT")).getEncoder();
    }

    static LogFormats json() {
        return new LogFormats("json");
    }

    static LogFormats text() {
        return new LogFormats("text");
    }

    /** Each event as the line the gateway writes for it, without the line end. */
    List<String> encode(List<ILoggingEvent> events) {
        return events.stream().map(e -> new String(encoder.encode(e), StandardCharsets.UTF_8).stripTrailing()).toList();
    }
}
