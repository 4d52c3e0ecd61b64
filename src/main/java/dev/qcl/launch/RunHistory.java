package dev.qcl.launch;

import dev.qcl.connector.SpaceMap;
import dev.qcl.job.LoadJobFactory;
import dev.qcl.launch.RunInfo.HttpTotals;
import dev.qcl.results.HttpCounts;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import dev.qcl.results.RunHttpCounts;
import dev.qcl.run.Ownership;
import dev.qcl.run.PlanRef;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunTenants;
import dev.qcl.settings.ConfigurationProblem;
import dev.qcl.settings.TenantsFile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads past runs from the job repository and their results. */
public final class RunHistory {
    /** The key JobOperator.recover puts into the context of an execution it marks FAILED. */
    private static final String RECOVERED = "recovered";
    /**
     * The newest run of a label (a series), a validate series apart from a run series. Our own query:
     * the job repository finds instances by job name only, never by a parameter's value, and reading
     * every run's parameters to find one label's latest grows with the history.
     */
    private static final String LATEST_OF_SERIES = """
            SELECT MAX(e.JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION e
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS lp ON lp.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            JOIN BATCH_JOB_EXECUTION_PARAMS dp ON dp.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            WHERE i.JOB_NAME = ? AND lp.PARAMETER_NAME = ? AND lp.PARAMETER_VALUE = ?
            AND dp.PARAMETER_NAME = ? AND dp.PARAMETER_VALUE = ?""";

    /** Where runs recorded before {@link RunHttpCounts} kept their HTTP counters: the steps' contexts. */
    private static final List<String> LEGACY_HTTP_KEYS =
            List.of("qcl.http.requests", "qcl.http.retries", "qcl.http.throttled", "qcl.http.throttle-wait-ms");

    private final JobRepository jobRepository;
    private final ResultRepository results;
    private final RunHttpCounts httpCounts;
    private final JdbcTemplate jdbc;

    public RunHistory(
            JobRepository jobRepository, ResultRepository results, RunHttpCounts httpCounts, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.results = results;
        this.httpCounts = httpCounts;
        this.jdbc = jdbc;
    }

    public Optional<RunInfo> find(long runId) {
        JobInstance instance = jobRepository.getJobInstance(runId);
        if (instance == null || !instance.getJobName().equals(LoadJobFactory.JOB_NAME)) {
            return Optional.empty();
        }
        return Optional.of(describe(instance));
    }

    /** The newest runs first. */
    public List<RunInfo> recent(int count) {
        return jobRepository.getJobInstances(LoadJobFactory.JOB_NAME, 0, count).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId).reversed())
                .map(this::describe)
                .toList();
    }

    public Optional<RunInfo> latest() {
        return recent(1).stream().findFirst();
    }

    /**
     * The run a command names with {@code --run ID}, or the latest run when it names none.
     *
     * @throws ConfigurationProblem when there is no such run
     * @throws LoadJobLauncher.NothingToDo when there are no runs at all
     */
    public RunInfo chosen(Long runId) {
        if (runId != null) {
            return find(runId)
                    .orElseThrow(() -> new ConfigurationProblem("there is no run " + runId + "; see qcl status"));
        }
        return latest().orElseThrow(() -> new LoadJobLauncher.NothingToDo("there are no runs yet"));
    }

    /** The newest run labelled {@code label} (of validate runs when {@code dryRun}), if any. */
    public Optional<RunInfo> latestOfSeries(String label, boolean dryRun) {
        Long runId = jdbc.queryForObject(
                LATEST_OF_SERIES,
                Long.class,
                LoadJobFactory.JOB_NAME,
                RunParameters.LABEL,
                label,
                RunParameters.DRY_RUN,
                Boolean.toString(dryRun));
        return runId == null ? Optional.empty() : find(runId);
    }

    /** The {@code --map-space} a run was started with; {@code rerun-failed} maps its rows the same way. */
    public SpaceMap spaceMap(long runId) {
        List<JobExecution> executions = executions(runId);
        return executions.isEmpty()
                ? SpaceMap.NONE
                : RunParameters.from(executions.get(0).getJobParameters()).spaceMap();
    }

    /** The tenants a run was over ({@code --tenants}), or null for a run over one tenant. */
    public RunTenants tenants(long runId) {
        List<JobExecution> executions = executions(runId);
        return executions.isEmpty()
                ? null
                : RunParameters.from(executions.get(0).getJobParameters()).tenants();
    }

    /**
     * The set a run owned ({@code --own}), without {@code --prune}: a rerun of its failed rows tags what
     * it creates as the run did, and never prunes, because its rows are only part of the sheet.
     */
    public Ownership ownedSetWithoutPrune(long runId) {
        List<JobExecution> executions = executions(runId);
        if (executions.isEmpty()) {
            return Ownership.NONE;
        }
        Ownership owned =
                RunParameters.from(executions.get(0).getJobParameters()).ownership();
        return owned.owns() ? new Ownership(owned.set(), false, owned.maxDeletes()) : Ownership.NONE;
    }

    /** The saved plan a run applied, or null; {@code rerun-failed} keeps its rows to the same plan. */
    public PlanRef plan(long runId) {
        return parameters(runId).map(RunParameters::plan).orElse(null);
    }

    /** What a run was asked to do, as its first execution was started. */
    public Optional<RunParameters> parameters(long runId) {
        List<JobExecution> executions = executions(runId);
        return executions.isEmpty()
                ? Optional.empty()
                : Optional.of(RunParameters.from(executions.get(0).getJobParameters()));
    }

    List<JobExecution> executions(long runId) {
        JobInstance instance = jobRepository.getJobInstance(runId);
        return instance == null ? List.of() : sorted(jobRepository.getJobExecutions(instance));
    }

    private RunInfo describe(JobInstance instance) {
        List<JobExecution> executions = sorted(jobRepository.getJobExecutions(instance));
        JobExecution last = executions.get(executions.size() - 1);
        RunParameters parameters = RunParameters.from(last.getJobParameters());
        long durationMs = executions.stream().mapToLong(this::durationMs).sum();
        return new RunInfo(
                instance.getInstanceId(),
                parameters.label(),
                parameters.input().toString(),
                parameters.inputSha256(),
                parameters.dryRun(),
                parameters.onExisting(),
                parameters.rerunOf(),
                statusOf(last.getStatus()),
                last.getExitStatus().getExitDescription(),
                instant(executions.get(0).getStartTime()),
                instant(last.getEndTime()),
                durationMs,
                executions.size(),
                last.getId(),
                httpTotals(instance),
                results.counts(instance.getInstanceId()),
                parameters.overTenants() ? tenants(instance, parameters, executions) : List.of(),
                parameters.plan(),
                parameters.sheet());
    }

    /** Each tenant's part: its partition's last status, its rows' counts, its time over all executions. */
    private List<TenantRun> tenants(JobInstance instance, RunParameters parameters, List<JobExecution> executions) {
        Map<String, Map<RowStatus, Long>> counts = results.countsByTenant(instance.getInstanceId());
        List<String> aliases = new ArrayList<>();
        try {
            TenantsFile.read(parameters.tenants().file()).forEach(t -> aliases.add(t.alias()));
        } catch (RuntimeException e) {
            // the file is gone or changed: the tenants that have results still show
            counts.keySet().stream().filter(a -> !a.isEmpty()).forEach(aliases::add);
        }
        List<StepExecution> steps = executions.stream()
                .flatMap(e -> jobRepository.getJobExecution(e.getId()).getStepExecutions().stream())
                .toList();
        List<TenantRun> tenants = new ArrayList<>();
        for (String alias : aliases) {
            String partName = LoadJobFactory.partStepName(alias);
            StepExecution last = jobRepository.getLastStepExecution(instance, partName);
            long durationMs = steps.stream()
                    .filter(step -> step.getStepName().equals(partName) && step.getStartTime() != null)
                    .mapToLong(step -> Duration.between(
                                    step.getStartTime(),
                                    step.getEndTime() != null
                                            ? step.getEndTime()
                                            : Objects.requireNonNullElse(step.getLastUpdated(), step.getStartTime()))
                            .toMillis())
                    .sum();
            tenants.add(new TenantRun(
                    alias,
                    last == null ? "NOT STARTED" : statusOf(last.getStatus()),
                    counts.getOrDefault(alias, Map.of()),
                    Math.max(0, durationMs)));
        }
        return tenants;
    }

    /**
     * The requests of every execution of the run, the reads before each job included; plus, for a run
     * begun by an earlier version, what its executions kept in the steps' contexts (a restart copies
     * them into the new step executions unchanged, so they are read from the last one).
     */
    private HttpTotals httpTotals(JobInstance instance) {
        HttpCounts counts = httpCounts
                .total(instance.getInstanceId())
                .orElse(HttpCounts.NONE)
                .plus(legacyHttpCounts(instance));
        return new HttpTotals(counts.requests(), counts.retries(), counts.throttled(), counts.throttleWaitMs());
    }

    private HttpCounts legacyHttpCounts(JobInstance instance) {
        long[] totals = new long[LEGACY_HTTP_KEYS.size()];
        for (String stepName : List.of(LoadJobFactory.STEP_NAME, LoadJobFactory.PRUNE_STEP_NAME)) {
            StepExecution step = jobRepository.getLastStepExecution(instance, stepName);
            if (step != null) {
                ExecutionContext context = step.getExecutionContext();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += context.getLong(LEGACY_HTTP_KEYS.get(i), 0L);
                }
            }
        }
        return new HttpCounts(totals[0], totals[1], totals[2], totals[3]);
    }

    static String statusOf(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "COMPLETED";
            case STOPPED, STOPPING -> "STOPPED";
            case STARTING, STARTED -> "STARTED";
            default -> "FAILED";
        };
    }

    private static List<JobExecution> sorted(List<JobExecution> executions) {
        return executions.stream()
                .sorted(Comparator.comparingLong(JobExecution::getId))
                .toList();
    }

    private long durationMs(JobExecution execution) {
        if (execution.getStartTime() == null) {
            return 0;
        }
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        if (execution.getExecutionContext().containsKey(RECOVERED)) {
            // a killed execution ended when its last chunk was saved, not when a restart found it dead
            end = jobRepository.getJobExecution(execution.getId()).getStepExecutions().stream()
                    .map(StepExecution::getLastUpdated)
                    .filter(java.util.Objects::nonNull)
                    .max(LocalDateTime::compareTo)
                    .orElse(execution.getStartTime());
        }
        return Math.max(0, Duration.between(execution.getStartTime(), end).toMillis());
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
