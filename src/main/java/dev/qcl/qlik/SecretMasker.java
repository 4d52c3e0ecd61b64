package dev.qcl.qlik;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces the API key and secret values in text bound for logs and exception messages. */
final class SecretMasker {
    static final String MASK = "****";

    private final List<String> secrets;

    SecretMasker(String apiKey, Collection<String> secretTexts) {
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
        return new SecretMasker(null, all);
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
