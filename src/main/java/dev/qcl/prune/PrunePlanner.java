package dev.qcl.prune;

import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.rows.TenantSpaces;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import dev.qcl.run.plan.PlanTarget;
import dev.qcl.run.plan.PlannedDeletion;
import dev.qcl.settings.ConfigurationProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which connections {@code --prune} deletes: those tagged {@code qcl:SET} that no row of the sheet
 * names. Asked once before a run starts, so that a plan over {@code --max-deletes} stops the command
 * before anything is sent, and again by the prune step after the rows are done.
 */
public final class PrunePlanner {
    private static final int NAMES_SHOWN = 5;
    private final QlikClient client;
    private final String tenant;

    public PrunePlanner(QlikClient client) {
        this(client, "");
    }

    /**
     * The planner of one tenant's part of a run over several: only the rows naming {@code tenant} protect
     * its connections, and {@code --max-deletes} counts its deletions alone.
     */
    public PrunePlanner(QlikClient client, String tenant) {
        this.client = client;
        this.tenant = tenant;
    }

    /** The tenant whose connections this planner plans for; empty in a run over one. */
    String tenant() {
        return tenant;
    }

    /** The connections to delete, by space and name. */
    List<ExistingConnection> plan(RunParameters run) {
        return unnamed(run, client.connectionsTagged(run.ownership().tag()));
    }

    /** Of the set's connections, those no row of the sheet (of this planner's tenant) names. */
    private List<ExistingConnection> unnamed(RunParameters run, List<ExistingConnection> tagged) {
        SheetNames names = SheetNames.read(run.input(), run.sheet(), new TenantSpaces(client), run.spaceMap(), tenant);
        return tagged.stream()
                .filter(connection -> !names.names(connection))
                .sorted(Comparator.comparing((ExistingConnection c) -> c.spaceId() == null ? "" : c.spaceId())
                        .thenComparing(ExistingConnection::qName)
                        .thenComparing(ExistingConnection::id))
                .toList();
    }

    /**
     * A saved plan's deletions as they stand now ({@code run --plan}): each still as the plan found it is
     * deleted, each that went away, was changed or is now named by a row is not (with the reason), and a
     * connection the prune would delete now but the plan does not name is left alone.
     */
    Followed followed(RunParameters run, List<PlannedDeletion> planned) {
        List<ExistingConnection> listed =
                client.connectionsTagged(run.ownership().tag());
        Map<String, ExistingConnection> tagged = new HashMap<>();
        listed.forEach(c -> tagged.put(c.id(), c));
        Map<String, ExistingConnection> unnamed = new HashMap<>();
        unnamed(run, listed).forEach(c -> unnamed.put(c.id(), c));
        List<ExistingConnection> delete = new ArrayList<>();
        Map<PlannedDeletion, String> changed = new LinkedHashMap<>();
        Set<String> inPlan = new HashSet<>();
        for (PlannedDeletion deletion : planned) {
            String id = deletion.target().id();
            inPlan.add(id);
            Optional<ExistingConnection> now = Optional.ofNullable(tagged.get(id));
            Optional<String> change = PlanTarget.change(deletion.target(), now);
            if (now.isEmpty()) {
                changed.put(
                        deletion,
                        "connection " + id + " went away, or lost its tag "
                                + run.ownership().tag());
            } else if (change.isPresent()) {
                changed.put(deletion, change.get());
            } else if (!unnamed.containsKey(id)) {
                changed.put(deletion, "a row of the sheet now names connection " + id);
            } else {
                delete.add(unnamed.get(id));
            }
        }
        long leftAlone =
                unnamed.keySet().stream().filter(id -> !inPlan.contains(id)).count();
        return new Followed(delete, changed, leftAlone);
    }

    /**
     * A saved plan's deletions now: those to send, those that changed since the plan with the reason, and
     * how many connections the prune would delete now that the plan does not name.
     */
    record Followed(List<ExistingConnection> delete, Map<PlannedDeletion, String> changed, long leftAlone) {}

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
            throw overCap(planned.size(), run.ownership(), planned, tenant);
        }
    }

    static ConfigurationProblem overCap(int count, Ownership owned, List<ExistingConnection> planned, String tenant) {
        String first = planned.stream()
                .limit(NAMES_SHOWN)
                .map(ExistingConnection::qName)
                .collect(Collectors.joining(", "));
        return new ConfigurationProblem((tenant.isEmpty() ? "" : "tenant " + tenant + ": ") + "--prune would delete "
                + count + " connections of set " + owned.set()
                + " (" + first + (count > NAMES_SHOWN ? ", ..." : "") + "), more than --max-deletes "
                + owned.maxDeletes() + "; nothing was sent. Check the sheet (see qcl diff), or raise --max-deletes");
    }
}
