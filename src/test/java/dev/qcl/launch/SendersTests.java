package dev.qcl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.run.OnExisting;
import dev.qcl.run.RunParameters;
import dev.qcl.settings.WriteProperties;
import dev.qcl.settings.WritePropertiesTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that send a run's rows: none for a dry run or one sender, else a pool that lets writes finish. */
class SendersTests {
    ThreadPoolTaskExecutor senders;

    @AfterEach
    void shutDown() {
        if (senders != null) {
            senders.shutdown();
        }
    }

    static RunParameters run(boolean dryRun) {
        return RunParameters.of(Path.of("input.csv"), "sha-1", null, OnExisting.SKIP, dryRun, null);
    }

    static WriteProperties concurrency(int concurrency) {
        return WritePropertiesTests.write(50, 1_000, concurrency, 6, Duration.ofMinutes(1));
    }

    @Test
    void should_make_no_threads_when_the_run_is_dry_or_has_one_sender() {
        assertThat(Senders.forRun(run(true), concurrency(4)).next()).isNull();
        assertThat(Senders.forRun(run(false), concurrency(1)).next()).isNull();
    }

    @Test
    void should_make_one_daemon_thread_per_sender_when_the_run_has_several() throws Exception {
        // when
        senders = (ThreadPoolTaskExecutor)
                Senders.forRun(run(false), concurrency(2)).next();

        // then
        assertThat(senders.getCorePoolSize()).isEqualTo(2);
        assertThat(senders.getMaxPoolSize()).isEqualTo(2);
        CountDownLatch started = new CountDownLatch(1);
        Thread[] thread = new Thread[1];
        senders.execute(() -> {
            thread[0] = Thread.currentThread();
            started.countDown();
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread[0].getName()).startsWith("qcl-sender-");
        assertThat(thread[0].isDaemon()).isTrue();
    }

    @Test
    void should_let_a_write_under_way_finish_uninterrupted_when_the_pool_is_shut_down() throws Exception {
        // given: a write that goes on until the pool is being shut down
        senders = (ThreadPoolTaskExecutor)
                Senders.forRun(run(false), concurrency(2)).next();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        senders.execute(() -> {
            started.countDown();
            while (!senders.getThreadPoolExecutor().isShutdown()
                    && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(1_000_000);
            }
            interrupted.set(Thread.currentThread().isInterrupted());
            finished.set(true);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        senders.shutdown();

        // then: shutting down waited for it, and did not interrupt it
        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void should_shut_down_every_tenants_pool_when_the_run_ends() {
        // given: the pools of two tenants' parts
        Senders pools = Senders.forRun(run(false), concurrency(2));
        ThreadPoolTaskExecutor first = (ThreadPoolTaskExecutor) pools.next();
        ThreadPoolTaskExecutor second = (ThreadPoolTaskExecutor) pools.next();

        // when
        pools.close();

        // then
        assertThat(first).isNotSameAs(second);
        assertThat(first.getThreadPoolExecutor().isShutdown()).isTrue();
        assertThat(second.getThreadPoolExecutor().isShutdown()).isTrue();
    }
}
