package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Work on a thread of its own, its value or its exception given to whoever joins it. */
class BackgroundTests {

    @Test
    void should_give_the_value_worked_out_on_a_named_daemon_thread_when_joined() throws Exception {
        // given
        AtomicReference<Thread> worker = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);

        // when
        Background<String> background = Background.start("qcl-test-work", () -> {
            worker.set(Thread.currentThread());
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        });
        go.countDown();

        // then
        assertThat(background.join()).isEqualTo("done");
        assertThat(worker.get().getName()).isEqualTo("qcl-test-work");
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(worker.get()).isNotSameAs(Thread.currentThread());
    }

    @Test
    void should_throw_the_works_own_exception_when_it_failed() {
        // given
        InputFileException problem = InputFileException.missingFile(java.nio.file.Path.of("gone.csv"));

        // when
        Background<String> background = Background.start("qcl-test-work", () -> {
            throw problem;
        });

        // then
        assertThatThrownBy(background::join).isSameAs(problem);
    }
}
