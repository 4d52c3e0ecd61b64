package dev.qcl.prune;

import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.rows.TenantSpaces;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import dev.qcl.settings.ConfigurationProblem;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which connections {@code --prune} deletes: those tagged {@code qcl:SET} that no row of the sheet
 * names. Asked once before a run starts, so that a plan over {@code --max-deletes} stops the command
 * before anything is sent, and again by the prune step after the rows are done.
 */
public final class PrunePlanner {
    private static final int NAMES_SHOWN = 5;
    private final QlikClient client;

    public PrunePlanner(QlikClient client) {
        this.client = client;
    }

    /** The connections to delete, by space and name. */
    List<ExistingConnection> plan(RunParameters run) {
        SheetNames names = SheetNames.read(run.input(), run.sheet(), new TenantSpaces(client), run.spaceMap());
        return client.connectionsTagged(run.ownership().tag()).stream()
                .filter(connection -> !names.names(connection))
                .sorted(Comparator.comparing((ExistingConnection c) -> c.spaceId() == null ? "" : c.spaceId())
                        .thenComparing(ExistingConnection::qName)
                        .thenComparing(ExistingConnection::id))
                .toList();
    }

    /**
     * Refuses a run whose prune would delete more than {@code --max-deletes}; reads only.
     *
     * @throws ConfigurationProblem naming the count, the cap and the first connections
     */
    public void check(RunParameters run) {
        if (!run.ownership().prune()) {
            return;
        }
        List<ExistingConnection> planned = plan(run);
        if (planned.size() > run.ownership().maxDeletes()) {
            throw overCap(planned.size(), run.ownership(), planned);
        }
    }

    static ConfigurationProblem overCap(int count, Ownership owned, List<ExistingConnection> planned) {
        String first = planned.stream()
                .limit(NAMES_SHOWN)
                .map(ExistingConnection::qName)
                .collect(Collectors.joining(", "));
        return new ConfigurationProblem("--prune would delete " + count + " connections of set " + owned.set()
                + " (" + first + (count > NAMES_SHOWN ? ", ..." : "") + "), more than --max-deletes "
                + owned.maxDeletes() + "; nothing was sent. Check the sheet (see qcl diff), or raise --max-deletes");
    }
}
