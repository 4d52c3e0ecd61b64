package dev.qcl.qlik;

import java.time.Duration;

/**
 * One rate tier's budget at a moment, for progress output.
 *
 * @param capacity sends allowed in any window ({@code --rate-limit} x {@code qcl.write.window})
 * @param window the window length
 * @param left sends that may go now before the window is full
 * @param pausedFor how much longer a 429's {@code Retry-After} holds the tier
 * @param learnedCapacity sends per learned window that 429s showed the tenant allows (0: nothing learned)
 * @param learnedWindow the learned window (zero: nothing learned)
 */
public record BudgetView(
        int capacity, Duration window, int left, Duration pausedFor, int learnedCapacity, Duration learnedWindow) {

    public boolean learned() {
        return learnedCapacity > 0;
    }
}
