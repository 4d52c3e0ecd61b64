package dev.qcl.run.plan;

import dev.qcl.results.RowStatus;
import java.util.List;
import java.util.Map;

/** Small plans for the tests of this package. */
final class PlanFixtures {
    static final String TENANT = "https://acme.eu.qlikcloud.com";
    static final String SHA = "a".repeat(64);
    static final String CREATED = "2026-12-01T10:00:00Z";

    private PlanFixtures() {}

    static SavedPlan.Options options(String onExisting) {
        return new SavedPlan.Options(onExisting, "finance", true, Map.of("Finance", "Finance Prod"), null);
    }

    static SavedPlan plan(String createdAt, List<PlannedRow> rows, List<PlannedDeletion> deletions) {
        return new SavedPlan(
                SavedPlan.FORMAT,
                createdAt,
                "diff",
                3,
                TENANT,
                new SavedPlan.Input("/data/sheet.csv", SHA),
                options("update"),
                rows,
                deletions);
    }

    static SavedPlan plan() {
        return plan(
                CREATED,
                List.of(
                        new PlannedRow(2, "pg-new", "s1", "postgres", RowStatus.CREATE, null, null, false, ""),
                        new PlannedRow(
                                3,
                                "pg-1",
                                "s1",
                                "postgres",
                                RowStatus.UPDATE,
                                new PlanTarget("c-1", "2026-12-01T09:00:00.123Z"),
                                List.of("port", "password"),
                                true,
                                "changed: port, password; adopted into qcl:finance")),
                List.of(new PlannedDeletion(
                        "gone",
                        "s1",
                        "postgres",
                        RowStatus.DELETE,
                        new PlanTarget("c-9", null),
                        "tagged qcl:finance")));
    }
}
