package dev.qcl.rows;

import dev.qcl.connector.RowCheck;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.qlik.QlikClient;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.run.plan.SavedPlan;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a run does with each validated row, as parts of the load step: decide (create, update, skip,
 * fail), journal the write around the call, remember the secrets sent, count progress, and, with
 * senders, send rows ahead of the chunk. The one door of this package to the job's wiring: the row
 * classes behind it stay package-private.
 */
public final class RowSending {
    private final QlikClient client;
    private final SecretFingerprints fingerprints;
    private final RowWrites journal;
    private final PlanRecorder recorder;

    /**
     * @param autonomous a template whose statements commit on their own, outside the chunk's transaction:
     *     the write journal and the fingerprints of sent secrets must outlive a chunk's rollback
     * @param fingerprintKey the file of the key the fingerprints are made with
     * @param recorder notes what a dry run's decisions are based on, for a plan to be saved
     */
    public RowSending(QlikClient client, JdbcTemplate autonomous, Path fingerprintKey, PlanRecorder recorder) {
        this(
                client,
                new SecretFingerprints(autonomous, FingerprintKey.load(fingerprintKey)),
                new RowWrites(autonomous),
                recorder);
    }

    /**
     * The sending of a run whose tenant is not known yet: {@link #to} gives the sending to one tenant.
     * A run over several tenants ({@code --tenants}) needs no tenant of its own configured.
     */
    public static RowSending toNoTenantYet(JdbcTemplate autonomous, Path fingerprintKey, PlanRecorder recorder) {
        return new RowSending(null, autonomous, fingerprintKey, recorder);
    }

    private RowSending(QlikClient client, SecretFingerprints fingerprints, RowWrites journal, PlanRecorder recorder) {
        // null only until {@link #to} names the tenant
        this.client = client;
        this.fingerprints = fingerprints;
        this.journal = journal;
        this.recorder = recorder;
    }

    /**
     * The same sending to another tenant ({@code --tenants}): the same journal, fingerprints and plan
     * recorder (keyed by run and row, or by connection ID, which tenants do not share), the other tenant's client.
     */
    public RowSending to(QlikClient other) {
        return new RowSending(other, fingerprints, journal, recorder);
    }

    /**
     * Each row sent in the step's own thread, one after the other.
     *
     * @param plan the saved plan the run applies, or null
     */
    public RowStep<RowCheck> inStep(
            ItemStreamReader<RowCheck> rows,
            RunParameters run,
            RunProgress progress,
            ReferenceResolver references,
            SavedPlan plan) {
        JournaledRowProcessor processor = processor(run, progress, references, plan);
        return new RowStep<>(rows, processor, processor);
    }

    /**
     * Rows sent by {@code senders}, up to {@code depth} ahead of the row the step takes: while one row
     * waits in backoff, the others go on; the step still takes the results in sheet order.
     */
    public RowStep<?> ahead(
            ItemStreamReader<RowCheck> rows,
            RunParameters run,
            RunProgress progress,
            ReferenceResolver references,
            SavedPlan plan,
            Executor senders,
            int depth) {
        JournaledRowProcessor processor = processor(run, progress, references, plan);
        SendAhead ahead = new SendAhead(rows, processor, senders, client::stopping, depth);
        return new RowStep<>(ahead, ahead, processor);
    }

    private JournaledRowProcessor processor(
            RunParameters run, RunProgress progress, ReferenceResolver references, SavedPlan plan) {
        ExistingConnections existing = new ExistingConnections(client);
        RowProcessor decision = new RowProcessor(
                run,
                progress,
                existing,
                client,
                references,
                new ConnectionUpdater(client, fingerprints, run.ownership()),
                plan,
                recorder);
        return new JournaledRowProcessor(
                decision, decision::afterUnansweredUpdate, decision::mayWrite, journal, existing, run, progress);
    }
}
