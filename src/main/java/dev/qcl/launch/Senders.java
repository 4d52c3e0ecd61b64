package dev.qcl.launch;

import dev.qcl.run.RunParameters;
import dev.qcl.settings.WriteProperties;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that send a run's rows (--concurrency); one run, one pool, shut down when it ends. */
final class Senders {
    private Senders() {}

    /** Null for a dry run or one sender: a dry run sends nothing, and handing its rows to threads only costs time. */
    static ThreadPoolTaskExecutor forRun(RunParameters run, WriteProperties write) {
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
        return executor;
    }
}
