package dev.qcl.settings;

import dev.qcl.qlik.Identity;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Picks the one identity qcl runs as: an API key (QLIK_API_KEY or qcl.api-key-file) or an OAuth
 * client (QLIK_CLIENT_ID with QLIK_CLIENT_SECRET or qcl.oauth.client-secret-file). Both, or
 * neither, is a configuration problem (exit 2) before anything is sent.
 */
public final class Identities {
    public static final String CLIENT_ID_ENV = "QLIK_CLIENT_ID";
    public static final String CLIENT_SECRET_ENV = "QLIK_CLIENT_SECRET";

    private Identities() {}

    public static Identity load(Path apiKeyFile, OAuthProperties oauth, Function<String, String> environment) {
        boolean apiKey = ApiKeys.configured(apiKeyFile, environment);
        String clientId = oauth.clientId();
        boolean secretGiven = isSet(environment.apply(CLIENT_SECRET_ENV)) || oauth.clientSecretFile() != null;
        if (apiKey && clientId != null) {
            throw new ConfigurationProblem(
                    "two identities: an API key (" + ApiKeys.ENV + " or qcl.api-key-file) and the" + " OAuth client '"
                            + clientId + "' (" + CLIENT_ID_ENV + "); set only one of them");
        }
        if (clientId == null) {
            if (!apiKey && secretGiven) {
                throw new ConfigurationProblem("an OAuth client secret is set but no client ID: set " + CLIENT_ID_ENV);
            }
            if (!apiKey) {
                throw new ConfigurationProblem("no API key or OAuth client: set " + ApiKeys.ENV
                        + " (or qcl.api-key-file), or " + CLIENT_ID_ENV + " with " + CLIENT_SECRET_ENV
                        + " (or qcl.oauth.client-secret-file)");
            }
            return new Identity.ApiKey(ApiKeys.load(apiKeyFile, environment));
        }
        return new Identity.OAuthClient(
                clientId, clientSecret(clientId, oauth, environment), oauth.scopes(), oauth.renewBefore());
    }

    private static String clientSecret(String clientId, OAuthProperties oauth, Function<String, String> environment) {
        String fromEnv = environment.apply(CLIENT_SECRET_ENV);
        if (isSet(fromEnv)) {
            return fromEnv.strip();
        }
        if (oauth.clientSecretFile() == null) {
            throw new ConfigurationProblem("the OAuth client '" + clientId + "' has no secret: set " + CLIENT_SECRET_ENV
                    + " or qcl.oauth.client-secret-file=<file holding the secret>");
        }
        return ApiKeys.readSecretFile(oauth.clientSecretFile(), "OAuth client secret", "qcl.oauth.client-secret-file");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
