package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPolicyTests {
    private final SecretPolicy policy = new SecretPolicy(List.of("Account"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "DbPassword",
                "secretKey",
                "refresh_TOKEN",
                "privateKey",
                "priv_key_file",
                "credentialsFile",
                "ApiKey"
            })
    void should_treat_property_as_secret_when_name_contains_a_secret_word(String name) {
        assertThat(policy.isSecret(name, false)).isTrue();
    }

    @Test
    void should_treat_property_as_secret_when_spec_marks_it_as_password_or_configuration_lists_it() {
        assertThat(policy.isSecret("pin", true)).isTrue();
        assertThat(policy.isSecret("account", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"separateCredentials", "selectedCredentials", "credentialsName", "CREDENTIALSNAME"})
    void should_not_treat_credential_management_property_as_secret_when_configuration_does_not_list_it(String name) {
        assertThat(policy.isSecret(name, false)).isFalse();
        assertThat(new SecretPolicy(List.of("credentialsName")).isSecret("credentialsName", false))
                .isTrue();
    }

    @Test
    void should_not_treat_ordinary_property_as_secret() {
        assertThat(policy.isSecret("accessKey", false)).isFalse();
        assertThat(policy.isSecret("bucketName", false)).isFalse();
    }
}
