package dev.qcl.run;

import dev.qcl.connector.SpaceMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's inputs, kept as job parameters so that a restart reads them back. The job instance (the
 * run) is identified by the input's content, the run key, the on-existing mode, dry run and the owned
 * set with its prune flag. Every
 * call starts a new run; a label names a series of runs, and which earlier run of the series a call
 * continues is decided by the launcher ({@code launch.LoadJobLauncher}), not by the parameters.
 *
 * @param runKey a unique key ({@code label:<label>:<uuid>}, or {@code once:<uuid>} without a label);
 *     runs made before labels named a series have {@code label:<label>}
 * @param rerunOf the run whose FAILED and INVALID rows this run takes again, or null
 * @param spaceMap {@code --map-space}: part of the run's identity, so a restart maps the same way
 * @param sheet the sheet of a workbook input (null for a CSV file): part of the run's identity, so a
 *     restart and a label's series read the same sheet
 */
public record RunParameters(
        Path input,
        String inputSha256,
        String label,
        OnExisting onExisting,
        boolean dryRun,
        Long rerunOf,
        String runKey,
        Ownership ownership,
        SpaceMap spaceMap,
        String sheet) {

    static final String INPUT = "input";
    static final String INPUT_SHA256 = "input.sha256";
    public static final String LABEL = "run.label";
    static final String RUN_KEY = "run.key";
    static final String ON_EXISTING = "on.existing";
    public static final String DRY_RUN = "dry.run";
    static final String RERUN_OF = "rerun.of";
    static final String OWN_SET = "own.set";
    static final String PRUNE = "own.prune";
    static final String MAX_DELETES = "own.max-deletes";
    static final String SPACE_MAP = "space.map";
    static final String SHEET = "input.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a run's job parameters must hold, checked by Spring Batch before an execution starts: the keys
     * {@link #from} cannot do without, and the ones it reads when present (the framework logs a warning for
     * any other key, which qcl would ignore).
     */
    public static final JobParametersValidator VALIDATOR = new DefaultJobParametersValidator(
            new String[] {INPUT, INPUT_SHA256, RUN_KEY, ON_EXISTING},
            new String[] {DRY_RUN, LABEL, RERUN_OF, OWN_SET, PRUNE, MAX_DELETES, SPACE_MAP, SHEET});

    public RunParameters {
        input = Objects.requireNonNull(input, "input").toAbsolutePath().normalize();
        Objects.requireNonNull(inputSha256, "inputSha256");
        Objects.requireNonNull(onExisting, "onExisting");
        Objects.requireNonNull(runKey, "runKey");
        ownership = Objects.requireNonNullElse(ownership, Ownership.NONE);
        spaceMap = spaceMap == null ? SpaceMap.NONE : spaceMap;
    }

    /** A run of a CSV file (no sheet). */
    public RunParameters(
            Path input,
            String inputSha256,
            String label,
            OnExisting onExisting,
            boolean dryRun,
            Long rerunOf,
            String runKey,
            Ownership ownership,
            SpaceMap spaceMap) {
        this(input, inputSha256, label, onExisting, dryRun, rerunOf, runKey, ownership, spaceMap, null);
    }

    public static RunParameters of(
            Path input, String inputSha256, String label, OnExisting onExisting, boolean dryRun, Long rerunOf) {
        String key = label == null || label.isBlank()
                ? "once:" + UUID.randomUUID()
                : "label:" + label + ":" + UUID.randomUUID();
        return new RunParameters(
                input, inputSha256, label, onExisting, dryRun, rerunOf, key, Ownership.NONE, SpaceMap.NONE, null);
    }

    /** The same run owning a set of connections ({@code --own}, {@code --prune}). */
    public RunParameters withOwnership(Ownership owned) {
        return new RunParameters(
                input, inputSha256, label, onExisting, dryRun, rerunOf, runKey, owned, spaceMap, sheet);
    }

    /** The same run with {@code --map-space}. */
    public RunParameters withSpaceMap(SpaceMap map) {
        return new RunParameters(input, inputSha256, label, onExisting, dryRun, rerunOf, runKey, ownership, map, sheet);
    }

    /** The same run of the sheet {@code name} of a workbook (null: a CSV file). */
    public RunParameters withSheet(String name) {
        return new RunParameters(
                input, inputSha256, label, onExisting, dryRun, rerunOf, runKey, ownership, spaceMap, name);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(INPUT_SHA256, inputSha256, true)
                .addString(RUN_KEY, runKey, true)
                .addString(ON_EXISTING, onExisting.option(), true)
                .addString(DRY_RUN, Boolean.toString(dryRun), true)
                .addString(INPUT, input.toString(), false);
        if (label != null && !label.isBlank()) {
            builder.addString(LABEL, label, false);
        }
        if (rerunOf != null) {
            builder.addLong(RERUN_OF, rerunOf, false);
        }
        // only when set, so that the identity of runs without --own stays what it was
        if (ownership.owns()) {
            builder.addString(OWN_SET, ownership.set(), true);
            builder.addString(PRUNE, Boolean.toString(ownership.prune()), true);
            builder.addLong(MAX_DELETES, (long) ownership.maxDeletes(), false);
        }
        if (!spaceMap.isEmpty()) {
            // identifying: the same sheet mapped elsewhere is another run; left out when empty, so that
            // runs without a map keep the identity they had before the option existed
            builder.addString(SPACE_MAP, JSON.writeValueAsString(spaceMap.replacements()), true);
        }
        if (sheet != null) {
            // identifying: another sheet of the same workbook is another run; absent for a CSV file, so that
            // its runs keep the identity they had before workbooks
            builder.addString(SHEET, sheet, true);
        }
        return builder.toJobParameters();
    }

    public static RunParameters from(JobParameters parameters) {
        return new RunParameters(
                Path.of(parameters.getString(INPUT)),
                parameters.getString(INPUT_SHA256),
                parameters.getString(LABEL),
                OnExisting.parse(parameters.getString(ON_EXISTING)),
                Boolean.parseBoolean(parameters.getString(DRY_RUN)),
                parameters.getLong(RERUN_OF),
                parameters.getString(RUN_KEY),
                ownershipOf(parameters),
                spaceMap(parameters.getString(SPACE_MAP)),
                parameters.getString(SHEET));
    }

    private static Ownership ownershipOf(JobParameters parameters) {
        String set = parameters.getString(OWN_SET);
        if (set == null) {
            return Ownership.NONE;
        }
        Long maxDeletes = parameters.getLong(MAX_DELETES);
        return new Ownership(
                set,
                Boolean.parseBoolean(parameters.getString(PRUNE)),
                maxDeletes == null ? Ownership.DEFAULT_MAX_DELETES : maxDeletes.intValue());
    }

    private static SpaceMap spaceMap(String json) {
        if (json == null || json.isBlank()) {
            return SpaceMap.NONE;
        }
        Map<String, String> replacements = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        return new SpaceMap(replacements);
    }
}
