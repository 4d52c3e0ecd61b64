package dev.qcl.connector;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Decides which connection properties hold secrets, whose values must never be shown or stored. */
public final class SecretPolicy {
    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "privatekey", "priv_key", "credential", "apikey");
    /**
     * The connectors' credential-management properties: a flag, the ID and the name of separated
     * credentials. They say which credentials to use, not what they are (contract section 8).
     */
    private static final Set<String> CREDENTIAL_MANAGEMENT =
            Set.of("separatecredentials", "selectedcredentials", "credentialsname");

    private final Set<String> extraSecretNames;

    /** @param extraSecretNames more property names to treat as secret ({@code qcl.secret-properties}), any case */
    public SecretPolicy(Collection<String> extraSecretNames) {
        this.extraSecretNames =
                extraSecretNames.stream().map(SecretPolicy::lower).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the property is secret by its name, by the spec ({@code "format": "password"}) or by configuration. */
    public boolean isSecret(String propertyName, boolean markedPassword) {
        if (markedPassword) {
            return true;
        }
        String name = lower(propertyName);
        if (extraSecretNames.contains(name)) {
            return true;
        }
        return !CREDENTIAL_MANAGEMENT.contains(name) && SECRET_WORDS.stream().anyMatch(name::contains);
    }

    private static String lower(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
