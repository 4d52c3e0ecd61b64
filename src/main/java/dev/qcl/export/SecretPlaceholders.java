package dev.qcl.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ${env:NAME}} references that {@code --secret-placeholders} writes in secret cells, with
 * predictable names: {@code QCL_<QNAME>_<PROPERTY>} in upper case, every run of other characters than
 * A-Z and 0-9 made one {@code _}. A name that another connection already took gets {@code _2},
 * {@code _3}, ... in export order. Collects the lines of the {@code .env.example} file.
 */
final class SecretPlaceholders {
    private static final String PREFIX = "QCL_";

    private final Map<String, String> takenBy = new HashMap<>();
    private final List<String> exampleLines = new ArrayList<>();

    /** The reference for a string-typed secret of a connection; the variable is listed in the example file. */
    String reference(ExportedConnection connection, String property) {
        String name = unique(base(connection.qName(), property), connection.id() + "/" + property);
        exampleLines.add("# " + describe(connection, property));
        exampleLines.add(name + "=");
        return "${env:" + name + "}";
    }

    /** A secret that is not text (a key file): no reference, a comment in the example file. */
    void byHand(ExportedConnection connection, String property, String typeName) {
        String name = unique(base(connection.qName(), property), connection.id() + "/" + property);
        exampleLines.add("# " + name + ": " + describe(connection, property) + " is " + typeName
                + " (a key file): put ${file:PATH} in its cell by hand");
    }

    boolean isEmpty() {
        return exampleLines.isEmpty();
    }

    long variables() {
        return exampleLines.stream().filter(line -> !line.startsWith("#")).count();
    }

    List<String> exampleLines() {
        return List.copyOf(exampleLines);
    }

    static String base(String qName, String property) {
        return PREFIX + sanitised(qName, "CONNECTION") + "_" + sanitised(property, "PROPERTY");
    }

    private String unique(String base, String owner) {
        String name = base;
        for (int n = 2; takenBy.containsKey(name) && !takenBy.get(name).equals(owner); n++) {
            name = base + "_" + n;
        }
        takenBy.put(name, owner);
        return name;
    }

    private static String sanitised(String text, String fallback) {
        String upper =
                text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return upper.isEmpty() ? fallback : upper;
    }

    private static String describe(ExportedConnection connection, String property) {
        return property + " of '" + connection.qName() + "' (" + connection.dataSourceId() + ", "
                + (connection.spaceName().isEmpty() ? "personal space" : "space " + connection.spaceName()) + ")";
    }
}
