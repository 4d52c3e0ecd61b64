package dev.qcl.connector;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the candidate a mistyped name most likely meant: same letters in another case, or up to two
 * edits away. Bounded: an input longer than {@link #MAX_INPUT_CHARS} gets no suggestion, and the edit
 * distance gives up past the threshold, so a pasted paragraph costs no more than a short name.
 */
final class NearMiss {
    static final int MAX_EDITS = 2;
    static final int MAX_INPUT_CHARS = 256;
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

    private NearMiss() {}

    static Optional<String> suggest(String input, Collection<String> candidates) {
        if (input == null || input.isEmpty() || input.length() > MAX_INPUT_CHARS) {
            return Optional.empty();
        }
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(input)) {
                return Optional.of(candidate);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - input.length()) > MAX_EDITS) {
                continue;
            }
            int distance = DISTANCE.apply(input, candidate);
            // -1: more than MAX_EDITS apart; a short input is "near" almost anything: ask for one character in common
            if (distance >= 0 && distance < input.length() && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
