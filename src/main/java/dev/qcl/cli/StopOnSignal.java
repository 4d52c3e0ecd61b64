package dev.qcl.cli;

import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.qlik.QlikClient;
import dev.qcl.settings.TenantClients;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a run: ask the job to stop at the next chunk boundary (so the run is
 * STOPPED and restartable, with every committed row recorded), wake every sender that waits for
 * the quota (a pause, the window, a backoff: the rows that have to wait give up, so the stop takes
 * seconds, not the rest of a pause), wait for the report, then exit 3. Threads are never
 * interrupted: that could close the H2 database's file under a running write.
 */
final class StopOnSignal implements AutoCloseable {
    private static final long MAX_WAIT_SECONDS = 120;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile int exitCode = ExitCode.RUN_FAILED;

    private StopOnSignal(QclContext context) {
        this.hook = new Thread(() -> onSignal(context), "qcl-stop");
    }

    static StopOnSignal install(QclContext context) {
        StopOnSignal stop = new StopOnSignal(context);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    void done(int code) {
        exitCode = code;
        done.countDown();
    }

    private void onSignal(QclContext context) {
        if (done.getCount() > 0) {
            System.err.println("qcl: stopping after the current chunk; the run can be continued with qcl restart");
            context.bean(LoadJobLauncher.class).stopRunningInThisProcess();
            context.beanIfCreated(QlikClient.class).ifPresent(QlikClient::stopWaiting);
            context.beanIfCreated(TenantClients.class).ifPresent(TenantClients::stopWaiting);
        }
        try {
            done.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it exits with our code
        }
    }
}
