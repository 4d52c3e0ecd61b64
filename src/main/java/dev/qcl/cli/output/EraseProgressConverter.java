package dev.qcl.cli.output;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %eraseProgress} in the console log pattern: on a terminal where the progress bar is drawn,
 * a log line first returns to the start of the line and erases the bar, so the two never run together.
 */
public final class EraseProgressConverter extends ClassicConverter {
    public static final String ENABLED = "qcl.console.erase-progress";

    @Override
    public String convert(ILoggingEvent event) {
        return Boolean.getBoolean(ENABLED) ? ProgressPrinter.ERASE_LINE : "";
    }
}
