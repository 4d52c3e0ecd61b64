package dev.qcl.qlik;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Replaces the API key and secret values in text bound for logs and exception messages. */
final class SecretMasker {
    static final String MASK = "****";
    /** Masks nothing: for text that holds no secret. */
    static final SecretMasker NONE = new SecretMasker((String) null, List.of());

    private final List<String> secrets;
    /** Secrets that change while the client runs: an OAuth client's access tokens. */
    private final Supplier<? extends Collection<String>> live;

    /** Masks the identity's secrets as they are when text is masked, plus {@code secretTexts}. */
    SecretMasker(Supplier<? extends Collection<String>> live, Collection<String> secretTexts) {
        this((String) null, secretTexts, live);
    }

    SecretMasker(String apiKey, Collection<String> secretTexts) {
        this(apiKey, secretTexts, List::of);
    }

    private SecretMasker(String apiKey, Collection<String> secretTexts, Supplier<? extends Collection<String>> live) {
        this.live = live;
        List<String> all = new ArrayList<>();
        all.add(apiKey);
        all.addAll(secretTexts == null ? List.of() : secretTexts);
        // longest first, so a secret that contains another is masked whole
        this.secrets = all.stream()
                .filter(s -> s != null && !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    SecretMasker with(Collection<String> moreSecrets) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(moreSecrets == null ? List.of() : moreSecrets);
        return new SecretMasker(null, all, live);
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        for (String secret : live.get()) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
