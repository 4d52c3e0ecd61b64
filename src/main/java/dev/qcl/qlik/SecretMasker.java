package dev.qcl.qlik;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Replaces the API key and secret values in text bound for logs and exception messages, also where
 * the tenant echoes them JSON-escaped ({@code \"}, {@code \\u00e9}, {@code \/}) or URL-encoded.
 */
final class SecretMasker {
    static final String MASK = "****";
    private static final java.util.regex.Pattern UNICODE_ESCAPE = java.util.regex.Pattern.compile("\\\\u([0-9a-f]{4})");

    /** Masks nothing: for text that holds no secret. */
    static final SecretMasker NONE = new SecretMasker((String) null, List.of());

    private final List<String> secrets;
    private final List<String> forms;
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
        this.secrets =
                all.stream().filter(s -> s != null && !s.isEmpty()).distinct().toList();
        this.forms = formsOf(secrets);
    }

    /** Every echo of every secret, longest first, so a secret that contains another is masked whole. */
    private static List<String> formsOf(Collection<String> secrets) {
        Set<String> echoes = new LinkedHashSet<>();
        secrets.forEach(secret -> echoes.addAll(echoesOf(secret)));
        return echoes.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    SecretMasker with(Collection<String> moreSecrets) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(moreSecrets == null ? List.of() : moreSecrets);
        return new SecretMasker((String) null, all, live);
    }

    String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        List<String> current =
                live.get().stream().filter(s -> s != null && !s.isEmpty()).toList();
        if (!current.isEmpty()) {
            for (String form : formsOf(current)) {
                masked = masked.replace(form, MASK);
            }
        }
        return masked;
    }

    /** The secret as written, and as a JSON string or a URL would carry it. */
    static Set<String> echoesOf(String secret) {
        Set<String> echoes = new LinkedHashSet<>();
        echoes.add(secret);
        String json = jsonEscaped(secret, false);
        echoes.add(json);
        echoes.add(json.replace("/", "\\/"));
        for (String ascii : List.of(jsonEscaped(secret, true), upperHex(jsonEscaped(secret, true)))) {
            echoes.add(ascii);
            echoes.add(ascii.replace("/", "\\/"));
        }
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        echoes.add(form);
        echoes.add(form.replace("+", "%20"));
        echoes.add(lowerHex(form));
        echoes.add(lowerHex(form.replace("+", "%20")));
        return echoes;
    }

    /** JSON string content; with {@code asciiOnly}, every non-ASCII character as {@code \\uXXXX}. */
    private static String jsonEscaped(String text, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code \\u00e9} as {@code \\u00E9}: JSON writers differ in the case of their escapes. */
    private static String upperHex(String jsonEscaped) {
        return UNICODE_ESCAPE
                .matcher(jsonEscaped)
                .replaceAll(m -> "\\\\u" + m.group(1).toUpperCase(java.util.Locale.ROOT));
    }

    private static String lowerHex(String urlEncoded) {
        StringBuilder out = new StringBuilder(urlEncoded.length());
        for (int i = 0; i < urlEncoded.length(); i++) {
            char c = urlEncoded.charAt(i);
            if (c == '%' && i + 2 < urlEncoded.length()) {
                out.append('%').append(urlEncoded.substring(i + 1, i + 3).toLowerCase(java.util.Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
