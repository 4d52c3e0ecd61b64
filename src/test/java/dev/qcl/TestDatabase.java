package dev.qcl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The job repository a test runs against: the default H2 file database in the test's home folder, or
 * a fresh PostgreSQL database of its own, created through the admin connection named by
 * {@code QCL_TEST_POSTGRES_URL}, {@code QCL_TEST_POSTGRES_USER} and {@code QCL_TEST_POSTGRES_PASSWORD}
 * (see scripts/ci-postgres.sh) and dropped on close. Without that URL a PostgreSQL test is skipped.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String URL_VARIABLE = "QCL_TEST_POSTGRES_URL";
    public static final String USER_VARIABLE = "QCL_TEST_POSTGRES_USER";
    public static final String PASSWORD_VARIABLE = "QCL_TEST_POSTGRES_PASSWORD";

    /** Which database: the product's default, or the supported server. */
    public enum Kind {
        H2,
        POSTGRES
    }

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final boolean explicit;
    private final String dropName;

    private TestDatabase(Kind kind, String url, String user, String password, boolean explicit, String dropName) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.explicit = explicit;
        this.dropName = dropName;
    }

    /** The database of this kind for a test whose qcl home folder is {@code home}. */
    public static TestDatabase create(Kind kind, Path home) {
        return kind == Kind.H2 ? h2(home) : postgres();
    }

    /** qcl's default: the H2 file database in the home folder; commands get no datasource options. */
    public static TestDatabase h2(Path home) {
        String url = "jdbc:h2:file:" + home.toAbsolutePath().normalize() + "/db/qcl";
        return new TestDatabase(Kind.H2, url, "sa", "", false, null);
    }

    /** A fresh, empty PostgreSQL database; the test is skipped (not passed) when none is configured. */
    public static TestDatabase postgres() {
        String admin = System.getenv(URL_VARIABLE);
        assumeTrue(
                admin != null && !admin.isBlank(),
                URL_VARIABLE + " is not set: no PostgreSQL to test against (scripts/ci-postgres.sh sets one up)");
        String user = System.getenv().getOrDefault(USER_VARIABLE, "postgres");
        String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        String name = "qcl_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(admin, user, password, "CREATE DATABASE " + name);
        return new TestDatabase(Kind.POSTGRES, withDatabase(admin, name), user, password, true, name);
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    /** The Spring options that point a qcl command at this database (none for the default H2). */
    public List<String> springArgs() {
        if (!explicit) {
            return List.of();
        }
        return List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    /** A new JDBC connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        if (dropName != null) {
            // FORCE: a killed child process may still hold a session until the server notices
            execute(
                    System.getenv(URL_VARIABLE),
                    user,
                    password,
                    "DROP DATABASE IF EXISTS " + dropName + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return kind + " " + url;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }

    /** {@code jdbc:postgresql://host:port/admin?x=y} with the database part replaced. */
    static String withDatabase(String jdbcUrl, String database) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
    }
}
