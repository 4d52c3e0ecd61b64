package dev.qcl;

import dev.qcl.cli.QclCommandLine;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * qcl: creates Qlik Cloud analytics data connections from a spreadsheet. The command line starts a
 * Spring context per command with only the auto-configuration the job needs (data source,
 * transactions, Spring Batch's JDBC job repository, Flyway for qcl's own tables): a command-line tool pays for every class it loads.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    ConfigurationPropertiesAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    BatchAutoConfiguration.class,
    BatchJdbcAutoConfiguration.class,
    FlywayAutoConfiguration.class
})
@ComponentScan("dev.qcl.batch")
public class QclApplication {
    public static void main(String[] args) {
        int exitCode = QclCommandLine.execute(args);
        stopHttpSelectors(Duration.ofMillis(200));
        System.exit(exitCode);
    }

    /**
     * Ends the selector threads of the JDK's HTTP clients, which wait in epoll for a connection that
     * will not come: at exit, Java 17 waits 300 ms for every thread in native code to come back, a
     * third of a second added to every command, and Java 17's client has no close(). Its selector
     * thread ends when interrupted. Call only when every command is done: any client left is unusable.
     */
    static void stopHttpSelectors(Duration wait) {
        List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .toList();
        selectors.forEach(Thread::interrupt);
        for (Thread selector : selectors) {
            try {
                selector.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
