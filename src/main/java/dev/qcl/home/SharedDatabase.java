package dev.qcl.home;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a job runs on the embedded H2 database of its home folder, no other process can open that
 * file; this server lets read-only commands in (contract section 7). It listens on 127.0.0.1 only
 * (see {@code h2.bindAddress}), opens no database but the job's, and names it by a random key that
 * only the home folder's lock file tells. H2's own AUTO_SERVER mode would do the same, but it
 * cannot be combined with {@code DB_CLOSE_ON_EXIT=FALSE}, which a stopping job needs.
 */
public final class SharedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedDatabase.class);
    private static final String H2_FILE = "jdbc:h2:file:";

    private final Server server;
    private final String url;

    private SharedDatabase(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Opens the server for the job's database; empty when the job repository is not an H2 file. */
    public static Optional<SharedDatabase> open(String datasourceUrl) {
        if (datasourceUrl == null || !datasourceUrl.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        String path = datasourceUrl.substring(H2_FILE.length()).split(";", 2)[0];
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = "qcl-" + HexFormat.of().formatHex(random);
        try {
            Server server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, path)
                    .start();
            return Optional.of(new SharedDatabase(server, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + key));
        } catch (SQLException e) {
            // the job does not need it: only commands beside it would
            log.warn("Read-only commands cannot reach the database while this job runs: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The JDBC URL under which other processes reach the job's database. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        server.stop();
    }
}
