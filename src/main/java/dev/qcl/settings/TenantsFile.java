package dev.qcl.settings;

import dev.qcl.csv.InputFileException;
import dev.qcl.csv.Reference;
import dev.qcl.csv.SmallCsv;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the tenants file of {@code --tenants} (contract section 12): a CSV with the columns {@code tenant},
 * {@code url}, {@code apiKey}, {@code clientId}, {@code clientSecret} and {@code rateLimit}. Every problem is
 * a {@link ConfigurationProblem} (exit 2, nothing sent) naming the row and column: a secret written into the
 * file itself is refused, because that file is shared and kept in version control like the sheet.
 */
public final class TenantsFile {
    public static final String TENANT = "tenant";
    static final String URL = "url";
    static final String API_KEY = "apiKey";
    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String RATE_LIMIT = "rateLimit";
    private static final List<String> COLUMNS = List.of(TENANT, URL, API_KEY, CLIENT_ID, CLIENT_SECRET, RATE_LIMIT);
    /** The same rule as an owned set's name: it is part of result rows, reports and step names. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private TenantsFile() {}

    /** The tenants of {@code file}, in the file's order; at least one. */
    public static List<TenantEntry> read(Path file) {
        SmallCsv table;
        try {
            table = SmallCsv.read(file);
        } catch (InputFileException e) {
            // said as the tenants file's problem, not as one of --input
            throw new ConfigurationProblem("--tenants "
                    + e.getMessage().replace("the input file", "the file").replace("--input", "--tenants"));
        }
        Map<String, Integer> columns = columns(file, table.header());
        List<TenantEntry> tenants = new ArrayList<>();
        Map<String, Integer> aliases = new HashMap<>();
        for (SmallCsv.Record record : table.records()) {
            Row row = new Row(file, record, columns);
            if (record.cells().size() != table.header().size()) {
                throw row.problem(
                        null,
                        "has " + record.cells().size() + " cells and the header "
                                + table.header().size() + "; give every row the header's columns");
            }
            TenantEntry tenant = row.tenant();
            Integer earlier = aliases.putIfAbsent(tenant.alias().toLowerCase(Locale.ROOT), record.row());
            if (earlier != null) {
                throw row.problem(
                        TENANT,
                        "'" + tenant.alias() + "' is the alias of row " + earlier
                                + " too; give each tenant its own alias");
            }
            tenants.add(tenant);
        }
        if (tenants.isEmpty()) {
            throw new ConfigurationProblem(
                    file + " lists no tenant; add a row per tenant under the header " + String.join(",", COLUMNS));
        }
        return List.copyOf(tenants);
    }

    private static Map<String, Integer> columns(Path file, List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.startsWith("#")) {
                continue;
            }
            String known = COLUMNS.stream()
                    .filter(c -> c.equalsIgnoreCase(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationProblem(file + " row 1: unknown column '" + name
                            + "'; the columns are " + String.join(", ", COLUMNS)));
            if (columns.putIfAbsent(known, i) != null) {
                throw new ConfigurationProblem(file + " row 1: the column '" + known + "' is there twice");
            }
        }
        for (String required : Set.of(TENANT, URL)) {
            if (!columns.containsKey(required)) {
                throw new ConfigurationProblem(file + " row 1: the header has no '" + required
                        + "' column; the columns are " + String.join(", ", COLUMNS));
            }
        }
        return columns;
    }

    /** One record's cells by column name, and the messages that name its row. */
    private record Row(Path file, SmallCsv.Record record, Map<String, Integer> columns) {
        String cell(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.cells().size()) {
                return "";
            }
            return record.cells().get(index).strip();
        }

        ConfigurationProblem problem(String column, String text) {
            return new ConfigurationProblem(
                    file + " row " + record.row() + (column == null ? "" : ", column " + column) + ": " + text);
        }

        TenantEntry tenant() {
            String alias = cell(TENANT);
            if (!ALIAS.matcher(alias).matches()) {
                throw problem(
                        TENANT,
                        (alias.isEmpty() ? "is empty" : "'" + alias + "' is no alias")
                                + "; use letters, digits, '.', '_' or '-', at most 40");
            }
            URI url;
            try {
                url = TenantUrl.parse(cell(URL));
            } catch (ConfigurationProblem e) {
                throw problem(URL, e.getMessage());
            }
            String apiKey = reference(API_KEY);
            String clientId = reference(CLIENT_ID);
            String clientSecret = reference(CLIENT_SECRET);
            if (apiKey != null && (clientId != null || clientSecret != null)) {
                throw problem(API_KEY, "an API key and an OAuth client for one tenant; give only one of them");
            }
            if ((clientId == null) != (clientSecret == null)) {
                throw problem(
                        clientId == null ? CLIENT_ID : CLIENT_SECRET,
                        "is empty; an OAuth client needs both clientId and clientSecret");
            }
            return new TenantEntry(alias, url, apiKey, clientId, clientSecret, rateLimit());
        }

        /** An identity cell: empty, or a reference; a plain value is a secret in the file and refused. */
        private String reference(String column) {
            String cell = cell(column);
            if (cell.isEmpty()) {
                return null;
            }
            if (Reference.parse(cell).isEmpty()) {
                // the value is not repeated: it may be the secret
                throw problem(
                        column,
                        "holds a plain value; write it as ${env:NAME} or ${file:PATH} and keep"
                                + " the secret in that variable or file, not in the tenants file");
            }
            return cell;
        }

        private Integer rateLimit() {
            String cell = cell(RATE_LIMIT);
            if (cell.isEmpty()) {
                return null;
            }
            try {
                int rate = Integer.parseInt(cell);
                if (rate >= 1) {
                    return rate;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw problem(RATE_LIMIT, "'" + cell + "' is no rate; give writes per minute, a whole number from 1");
        }
    }
}
