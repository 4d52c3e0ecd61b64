package dev.qcl.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * Where a command keeps its state: the home folder and the job repository's JDBC URL, as the
 * command's context resolved them, so that a failure of either can be named in one line.
 *
 * @param home the home folder
 * @param datasourceUrl {@code spring.datasource.url}, or null when the context never read it
 * @param password {@code spring.datasource.password}, never shown: a message that holds it masks it
 */
record JobStorage(Path home, String datasourceUrl, String password) {
    private static final String H2 = "jdbc:h2:";
    /** User info in a URL's authority ({@code //user:secret@host}) or an Oracle thin URL ({@code thin:u/p@}). */
    private static final Pattern USER_INFO = Pattern.compile("(?<=//|thin:)[^/@?;]*@");
    /** File-system prefixes of an H2 URL ({@code file:}, {@code nio:}, {@code split:}); two letters or more. */
    private static final Pattern H2_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:");

    @Override
    public String toString() {
        return "JobStorage[home=" + home + ", datasourceUrl=" + url() + "]";
    }

    static JobStorage of(Environment environment, Path fallbackHome) {
        String home = environment.getProperty("qcl.home");
        return new JobStorage(
                home == null || home.isBlank()
                        ? fallbackHome
                        : Path.of(home).toAbsolutePath().normalize(),
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.password"));
    }

    /** Only the home folder is known: the failure came before the command's context read its settings. */
    static JobStorage homeOnly(Path home) {
        return new JobStorage(home, null, null);
    }

    /** The URL without user info, query or {@code ;} settings: nothing in it can be a password. */
    String url() {
        if (datasourceUrl == null) {
            return "(spring.datasource.url not set)";
        }
        String url = USER_INFO.matcher(datasourceUrl).replaceAll("");
        int query = url.indexOf('?');
        url = query < 0 ? url : url.substring(0, query);
        int settings = url.indexOf(';');
        return settings < 0 ? url : url.substring(0, settings);
    }

    /** The folder of an embedded H2 database file; empty for a database server (PostgreSQL, H2 over TCP). */
    Optional<Path> databaseFolder() {
        if (datasourceUrl == null || !datasourceUrl.startsWith(H2)) {
            return Optional.empty();
        }
        String name = datasourceUrl.substring(H2.length()).split(";", 2)[0];
        if (name.startsWith("tcp:") || name.startsWith("ssl:") || name.startsWith("mem:")) {
            return Optional.empty();
        }
        while (H2_PREFIX.matcher(name).find()) {
            name = H2_PREFIX.matcher(name).replaceFirst("");
        }
        try {
            Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
            return Optional.ofNullable(parent);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The folder to name when the disk is full: the home folder, or the database's own folder outside it. */
    Path fullFolder(boolean database) {
        Optional<Path> folder = database ? databaseFolder() : Optional.empty();
        return folder.filter(f -> home == null || !f.startsWith(home)).orElse(home);
    }

    /** {@code text} with the database password, should it appear, masked. */
    String masked(String text) {
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }
}
