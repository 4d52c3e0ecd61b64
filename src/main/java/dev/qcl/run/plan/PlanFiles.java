package dev.qcl.run.plan;

import dev.qcl.results.RowStatus;
import dev.qcl.run.PlanRef;
import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Saved plans as files: written whole or not at all, read back with their SHA-256, checked for their format. */
public final class PlanFiles {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private PlanFiles() {}

    /** A plan read from its file, with the SHA-256 of the file's bytes. */
    public record Loaded(Path file, String sha256, SavedPlan plan) {
        /** What a run that applies this plan keeps of it. */
        public PlanRef ref() {
            return new PlanRef(file, sha256, plan.created());
        }
    }

    /**
     * Reads a plan file.
     *
     * @throws ConfigurationProblem naming the file when it is missing, unreadable or not a qcl plan
     */
    public static Loaded read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigurationProblem("the plan " + file + " does not exist; make one with qcl validate"
                    + " --save-plan FILE or qcl diff --save-plan FILE");
        } catch (IOException e) {
            throw new ConfigurationProblem("the plan " + file + " cannot be read: " + e.getMessage());
        }
        SavedPlan plan;
        try {
            plan = JSON.readValue(bytes, SavedPlan.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw notAPlan(file, firstLine(e));
        }
        check(file, plan);
        return new Loaded(file.toAbsolutePath().normalize(), sha256(bytes), plan);
    }

    /**
     * Reads the plan a run applies, as it was when the run started.
     *
     * @throws ConfigurationProblem when the file is gone or its bytes changed since
     */
    public static SavedPlan load(PlanRef ref) {
        if (!Files.exists(ref.file())) {
            throw new ConfigurationProblem("the plan " + ref.file() + " that the run applies is gone (SHA-256 "
                    + ref.sha256() + "); restore it, or make a new plan");
        }
        Loaded loaded = read(ref.file());
        if (!loaded.sha256().equals(ref.sha256())) {
            throw new ConfigurationProblem("the plan " + ref.file() + " changed since the run that applies it started"
                    + " (SHA-256 " + ref.sha256() + ", now " + loaded.sha256() + "); restore it, or make a new plan");
        }
        return loaded.plan();
    }

    /**
     * Writes a plan, replacing the file at once or leaving it as it was.
     *
     * @return the SHA-256 of the bytes written
     */
    public static String write(Path file, SavedPlan plan) throws IOException {
        byte[] bytes = (JSON.writeValueAsString(plan) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath().normalize();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return sha256(bytes);
    }

    private static void check(Path file, SavedPlan plan) {
        if (plan.qclPlan() != SavedPlan.FORMAT) {
            throw notAPlan(file, "its format is " + plan.qclPlan() + ", this qcl reads " + SavedPlan.FORMAT);
        }
        try {
            plan.created();
        } catch (RuntimeException e) {
            throw notAPlan(file, "createdAt '" + plan.createdAt() + "' is not a time");
        }
        for (PlannedRow row : plan.rows()) {
            if (!PlannedRow.ACTIONS.contains(row.action())) {
                throw notAPlan(file, "row " + row.row() + " has the action " + row.action());
            }
            if ((row.action() == RowStatus.UPDATE || row.action() == RowStatus.SKIP) && row.target() == null) {
                throw notAPlan(file, "row " + row.row() + " is to " + row.action() + " but names no connection");
            }
        }
        for (PlannedDeletion deletion : plan.deletions()) {
            if (deletion.action() != RowStatus.DELETE) {
                throw notAPlan(file, "the deletion of '" + deletion.qName() + "' has the action " + deletion.action());
            }
        }
    }

    private static ConfigurationProblem notAPlan(Path file, String why) {
        return new ConfigurationProblem("the plan " + file + " is not a qcl plan (" + why + "); make it again with"
                + " qcl validate --save-plan FILE or qcl diff --save-plan FILE");
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
