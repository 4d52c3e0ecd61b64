package dev.qcl.results;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Results as a run stores them, on a database made by qcl's own migrations, for tests of what reads and writes them. */
public final class ResultFixtures {
    private ResultFixtures() {}

    /** A job repository with qcl's tables, made as the application makes them: by its Flyway migrations. */
    public static JdbcTemplate database(Path dir) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new JdbcTemplate(dataSource);
    }

    public static RowResult result(int row, RowStatus status, String message) {
        return new RowResult(row, "q-" + row, "space-1", "postgres", status, "c-" + row, 201, 1, message);
    }

    public static RowResult deletion(int row, RowStatus status) {
        return new RowResult(row, "old-" + -row, "space-1", "postgres", status, "d" + -row, null, 0, "");
    }
}
