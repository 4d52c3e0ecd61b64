package dev.qcl.home;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the job repository, and once more when another machine was making the same fresh database at
 * the same moment: Flyway then finds the schema history table that the other has just created, still
 * empty, and refuses to baseline it ("already exists, and is empty"). A moment later the other's
 * migration is done (or under way behind its lock), and the second try sees a history and goes on.
 */
public final class FirstMigration implements FlywayMigrationStrategy {
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final int TRIES = 3;

    @Override
    public void migrate(Flyway flyway) {
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                if (attempt >= TRIES || !madeAtTheSameMoment(e)) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static boolean madeAtTheSameMoment(FlywayException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("already exists, and is empty")
                || message.contains("already exists") && message.contains("schema history");
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the job repository was being made", interrupted);
        }
    }
}
