package dev.qcl.qlik;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A 429's {@code Retry-After}: seconds or an HTTP date, never negative, never longer than a day. */
final class RetryAfter {
    /** Longer than any sensible pause (the throttle cap stops the run long before); keeps instants finite. */
    static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {}

    /** The pause the header asks for; missing or unreadable means {@code fallback}. */
    static Duration parse(String header, Instant now, Duration fallback) {
        if (header == null || header.isBlank()) {
            return clamp(fallback);
        }
        String text = header.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            // more digits than a long holds is as good as "forever"
            return text.length() > 12 ? MAX : clamp(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return clamp(Duration.between(now, at));
        } catch (DateTimeParseException | ArithmeticException notDate) {
            return clamp(fallback);
        }
    }

    private static Duration clamp(Duration pause) {
        if (pause.isNegative()) {
            return Duration.ZERO;
        }
        return pause.compareTo(MAX) > 0 ? MAX : pause;
    }
}
