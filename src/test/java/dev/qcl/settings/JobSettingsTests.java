package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.csv.ReferenceRules;
import dev.qcl.run.OnExisting;
import dev.qcl.run.RunParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The configuration records of the job ({@code qcl.*}): their defaults, and limits refused with the key. */
class JobSettingsTests {
    @Nested
    class Chunks {
        static RunParameters run(boolean dryRun) {
            return RunParameters.of(Path.of("sheet.csv"), "abc", null, OnExisting.SKIP, dryRun, null);
        }

        @Test
        void should_use_the_dry_run_chunk_size_for_validate_and_the_other_for_a_run() {
            JobProperties job = new JobProperties(1, 2);

            assertThat(job.chunkSizeFor(run(false).dryRun())).isEqualTo(1);
            assertThat(job.chunkSizeFor(run(true).dryRun())).isEqualTo(2);
        }

        @Test
        void should_refuse_a_chunk_size_below_one_naming_its_key() {
            assertThatThrownBy(() -> new JobProperties(0, 1))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("qcl.job.chunk-size must be at least 1, got 0");
            assertThatThrownBy(() -> new JobProperties(1, 0))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("qcl.job.dry-run-chunk-size must be at least 1, got 0");
            assertThat(new JobProperties(1, 1).dryRunChunkSize()).isEqualTo(1);
        }

        @Test
        void should_refuse_a_listing_bound_below_one_page_naming_the_key() {
            assertThatThrownBy(() -> new TenantProperties(null, null, null, null, 0))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("qcl.tenant.max-pages must be at least 1, got 0");
        }

        @Test
        void should_refuse_a_prune_batch_below_one_and_take_one() {
            assertThat(new PruneProperties(1).batchSize()).isEqualTo(1);
            assertThatThrownBy(() -> new PruneProperties(0))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("qcl.prune.batch-size must be at least 1, got 0");
        }
    }

    @Nested
    class Defaults {
        @Test
        void should_default_the_tenant_api_root_and_timeouts_when_unset() {
            TenantProperties tenant = new TenantProperties(null, " ", null, null, null);

            assertThat(tenant.basePath()).isEqualTo("/api/v1");
            assertThat(tenant.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(tenant.readTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(tenant.maxPages()).isEqualTo(1_000);
        }

        @Test
        void should_keep_the_tenant_settings_that_are_set() {
            TenantProperties tenant =
                    new TenantProperties(null, "/other/v2", Duration.ofSeconds(1), Duration.ofSeconds(2), 7);

            assertThat(tenant.basePath()).isEqualTo("/other/v2");
            assertThat(tenant.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
            assertThat(tenant.readTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(tenant.maxPages()).isEqualTo(7);
        }

        @Test
        void should_keep_reports_in_the_home_folder_which_defaults_to_data() {
            assertThat(new QclProperties(null, null, null).reportsDir()).isEqualTo(Path.of("data", "reports"));
            assertThat(new QclProperties(Path.of("/srv/qcl"), null, null).reportsDir())
                    .isEqualTo(Path.of("/srv/qcl/reports"));
            assertThat(new QclProperties(null, null, null).secretProperties()).isEmpty();
            assertThat(new QclProperties(null, null, List.of("token")).secretProperties())
                    .containsExactly("token");
        }

        @Test
        void should_keep_the_fingerprint_key_in_the_home_folder_unless_a_file_is_set() {
            Path home = Path.of("/srv/qcl");

            assertThat(new FingerprintProperties(null).keyFileIn(home)).isEqualTo(home.resolve("fingerprint.key"));
            assertThat(new FingerprintProperties(Path.of("/etc/qcl/key")).keyFileIn(home))
                    .isEqualTo(Path.of("/etc/qcl/key"));
        }

        @Test
        void should_cache_specs_a_day_unless_told_otherwise() {
            assertThat(new SpecsProperties(null, null).ttl()).isEqualTo(Duration.ofHours(24));
            assertThat(new SpecsProperties(null, null).checkVersion()).isTrue();
            assertThat(new SpecsProperties(null, false).checkVersion()).isFalse();
            assertThat(new SpecsProperties(Duration.ofMinutes(5), true).ttl()).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void should_make_reference_rules_of_the_roots_and_the_allowed_variables_without_blanks() {
            ReferencesProperties references = new ReferencesProperties(
                    List.of(Path.of("/secrets")), Arrays.asList(" PG_PASSWORD ", " ", "TOKEN"));

            assertThat(references.rules())
                    .isEqualTo(new ReferenceRules(List.of(Path.of("/secrets")), Set.of("PG_PASSWORD", "TOKEN")));
            assertThat(new ReferencesProperties(null, null).rules()).isEqualTo(new ReferenceRules(List.of(), Set.of()));
        }
    }
}
