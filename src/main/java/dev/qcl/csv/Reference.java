package dev.qcl.csv;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell that refers to a value kept outside the sheet: {@code ${env:NAME}} or {@code ${file:PATH}}.
 * References are resolved only when a row is sent, so their values are never stored.
 */
public record Reference(Kind kind, String target, String text) {
    public enum Kind {
        ENV,
        FILE
    }

    private static final Pattern SYNTAX = Pattern.compile("^\\$\\{(env|file):([^}]+)}$");

    /** The reference a whole cell (ignoring surrounding spaces) is, if it is one. */
    public static Optional<Reference> parse(String cell) {
        // most cells are plain values: no regular expression for them
        if (cell == null || !cell.strip().startsWith("${")) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(cell.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Kind kind = m.group(1).equals("env") ? Kind.ENV : Kind.FILE;
        return Optional.of(new Reference(kind, m.group(2).strip(), cell.strip()));
    }
}
