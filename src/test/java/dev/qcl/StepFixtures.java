package dev.qcl;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.qcl.job.LoadJobFactory;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.QlikSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** What a step's parts need when a test builds them by hand: a client of a loopback tenant, a step of a run, its logs. */
public final class StepFixtures {
    private StepFixtures() {}

    /** A client of the sandbox tenant: unpaced, one attempt per call, no waiting between attempts. */
    public static QlikClient client(SandboxTenant tenant) {
        return new QlikClient(
                new QlikSettings(
                        URI.create(tenant.url()),
                        new Identity.ApiKey(tenant.apiKey()),
                        "/api/v1",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        60_000,
                        60_000,
                        1,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5)),
                new HttpStats());
    }

    /** A step execution of the run (job instance) {@code runId}, as a listener's beforeStep receives it. */
    public static StepExecution stepOfRun(long runId) {
        JobExecution execution =
                new JobExecution(runId * 10, new JobInstance(runId, LoadJobFactory.JOB_NAME), new JobParameters());
        return new StepExecution(runId * 100, LoadJobFactory.STEP_NAME, execution);
    }

    /** The INFO and WARN lines one class logs while open. */
    public static final class Logs implements AutoCloseable {
        private final Logger logger;
        private final Level previous;
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

        public Logs(Class<?> type) {
            logger = (Logger) LoggerFactory.getLogger(type);
            previous = logger.getLevel();
            logger.setLevel(Level.INFO);
            appender.start();
            logger.addAppender(appender);
        }

        public List<String> lines() {
            return appender.list.stream()
                    .map(e -> e.getLevel() + " " + e.getFormattedMessage())
                    .toList();
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }
    }
}
