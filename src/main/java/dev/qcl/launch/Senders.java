package dev.qcl.launch;

import dev.qcl.run.RunParameters;
import dev.qcl.settings.WriteProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that send a run's rows (--concurrency): one pool per tenant the run writes to (one in a run
 * over one tenant), each shut down when the run ends.
 */
final class Senders implements AutoCloseable {
    private final RunParameters run;
    private final WriteProperties write;
    private final List<ThreadPoolTaskExecutor> pools = new ArrayList<>();

    private Senders(RunParameters run, WriteProperties write) {
        this.run = run;
        this.write = write;
    }

    static Senders forRun(RunParameters run, WriteProperties write) {
        return new Senders(run, write);
    }

    /**
     * A new pool for one tenant's rows; null for a dry run or one sender: a dry run sends nothing, and
     * handing its rows to threads only costs time.
     */
    synchronized AsyncTaskExecutor next() {
        if (run.dryRun() || write.concurrency() <= 1) {
            return null;
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(write.concurrency());
        executor.setMaxPoolSize(write.concurrency());
        executor.setThreadNamePrefix("qcl-sender-");
        executor.setDaemon(true);
        // shut down without interrupting: a sender interrupted in the middle of a write-journal insert
        // would close H2's file channel (ClosedByInterruptException), and with it the job repository
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(60);
        executor.initialize();
        pools.add(executor);
        return executor;
    }

    @Override
    public synchronized void close() {
        pools.forEach(ThreadPoolTaskExecutor::shutdown);
        pools.clear();
    }
}
