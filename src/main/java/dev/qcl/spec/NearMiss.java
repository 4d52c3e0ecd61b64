package dev.qcl.spec;

import java.util.Collection;
import java.util.Optional;

/** Finds the candidate a mistyped name most likely meant: same letters in another case, or up to two edits away. */
final class NearMiss {
    private static final int MAX_EDITS = 2;

    private NearMiss() {}

    static Optional<String> suggest(String input, Collection<String> candidates) {
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(input)) {
                return Optional.of(candidate);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(input, candidate);
            // a short input is "near" almost anything: ask for at least one character in common
            if (distance <= MAX_EDITS && distance < input.length() && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
