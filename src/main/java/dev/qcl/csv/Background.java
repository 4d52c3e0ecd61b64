package dev.qcl.csv;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value worked out on a daemon thread of its own while the caller goes on; {@link #join()} gives it,
 * or throws what the work threw. For passes over an input file that overlap other work.
 */
public final class Background<T> {
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background() {}

    /** Starts {@code work} on a new daemon thread named {@code threadName}. */
    public static <T> Background<T> start(String threadName, Supplier<T> work) {
        Background<T> background = new Background<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        background.result.complete(work.get());
                    } catch (RuntimeException e) {
                        background.result.completeExceptionally(e);
                    }
                },
                threadName);
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** Waits for the value; a runtime exception of the work is thrown as it is. */
    public T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
