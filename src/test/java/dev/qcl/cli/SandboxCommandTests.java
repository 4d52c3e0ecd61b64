package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code qcl sandbox}: one tenant as the benchmarks know it, or several, each a host of its own with a tenants file. */
class SandboxCommandTests {
    private static final String FINANCE_SPACE = "6601c0a3e9b1f24d7a5c8e11";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TempDir
    Path dir;

    private SandboxCommand command(String... args) {
        SandboxCommand command = new SandboxCommand();
        List<String> all = new ArrayList<>(List.of(
                "--no-warm-up",
                "--api-key-file",
                dir.resolve("api-key").toString(),
                "--url-file",
                dir.resolve("sandbox.url").toString()));
        all.addAll(List.of(args));
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return command;
    }

    private HttpResponse<String> send(String method, String url, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/v1/data-connections"
                        + (body == null ? "?spaceId=" + FINANCE_SPACE + "&limit=100" : "")))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> create(String url, String key, String qName) throws Exception {
        return send(
                "POST",
                url,
                key,
                "{\"qName\":\"" + qName + "\",\"dataSourceId\":\"postgres\",\"space\":\"" + FINANCE_SPACE
                        + "\",\"connectionProperties\":{\"host\":\"h\",\"database\":\"d\"}}");
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    @Nested
    class One_tenant {
        @Test
        void should_write_its_key_and_url_and_nothing_else_when_no_tenants_are_asked_for() throws Exception {
            // given
            SandboxCommand command = command();

            // when
            try (SandboxCommand.Served served = command.serve()) {
                // then
                SandboxTenant tenant = served.tenants().get(0);
                assertThat(served.tenants()).hasSize(1);
                assertThat(read("api-key")).isEqualTo(tenant.apiKey());
                assertThat(read("sandbox.url")).isEqualTo(tenant.url());
                assertThat(create(tenant.url(), read("api-key"), "pg").statusCode())
                        .isEqualTo(201);
                try (var files = Files.list(dir)) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .containsExactlyInAnyOrder("api-key", "sandbox.url");
                }
            }
        }

        @Test
        void should_write_the_key_file_for_its_owner_only() throws Exception {
            try (SandboxCommand.Served served = command().serve()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("api-key"))))
                        .isEqualTo("rw-------");
            }
        }
    }

    @Nested
    class Several_tenants {
        @Test
        void should_serve_each_tenant_on_its_own_port_with_its_own_connections() throws Exception {
            // given
            SandboxCommand command = command("--tenants", "2");

            try (SandboxCommand.Served served = command.serve()) {
                SandboxTenant first = served.tenants().get(0);
                SandboxTenant second = served.tenants().get(1);

                // when
                var created = create(first.url(), read("t1.key"), "pg");
                var listedBySecond = send("GET", second.url(), read("t2.key"), null);

                // then
                assertThat(created.statusCode()).isEqualTo(201);
                assertThat(first.port()).isNotEqualTo(second.port());
                assertThat(first.connections()).hasSize(1);
                assertThat(second.connections()).isEmpty();
                assertThat(listedBySecond.statusCode()).isEqualTo(200);
                assertThat(listedBySecond.body()).doesNotContain("\"pg\"");
                assertThat(second.writeRequests()).isZero();
            }
        }

        @Test
        void should_refuse_the_key_of_one_tenant_at_another() throws Exception {
            try (SandboxCommand.Served served = command("--tenants", "2").serve()) {
                // given
                String secondUrl = served.tenants().get(1).url();

                // when
                var refused = create(secondUrl, read("t1.key"), "pg");

                // then
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(read("t1.key")).isNotEqualTo(read("t2.key"));
                assertThat(served.tenants().get(1).connections()).isEmpty();
            }
        }

        @Test
        void should_write_a_tenants_file_that_refers_to_key_files_only_their_owner_may_read() throws Exception {
            // given
            Path tenantsFile = dir.resolve("tenants.csv");

            // when
            try (SandboxCommand.Served served = command("--tenants", "3", "--tenants-file", tenantsFile.toString())
                    .serve()) {
                // then
                List<SandboxTenant> tenants = served.tenants();
                assertThat(Files.readAllLines(tenantsFile))
                        .containsExactly(
                                "tenant,url,apiKey",
                                "t1," + tenants.get(0).url() + ",${file:t1.key}",
                                "t2," + tenants.get(1).url() + ",${file:t2.key}",
                                "t3," + tenants.get(2).url() + ",${file:t3.key}");
                for (int i = 0; i < 3; i++) {
                    Path keyFile = dir.resolve("t" + (i + 1) + ".key");
                    assertThat(Files.readString(keyFile))
                            .isEqualTo(tenants.get(i).apiKey());
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                            .isEqualTo("rw-------");
                }
                assertThat(read("api-key")).isEqualTo(tenants.get(0).apiKey());
                assertThat(read("sandbox.url")).isEqualTo(tenants.get(0).url());
                assertThat(Files.readString(tenantsFile))
                        .doesNotContain(tenants.get(0).apiKey());
            }
        }

        @Test
        void should_refer_to_the_key_files_from_the_tenants_files_own_folder() throws Exception {
            // given: the tenants file one folder below the keys
            Path tenantsFile = Files.createDirectories(dir.resolve("run")).resolve("tenants.csv");

            // when
            try (SandboxCommand.Served served = command("--tenants", "2", "--tenants-file", tenantsFile.toString())
                    .serve()) {
                // then
                assertThat(Files.readAllLines(tenantsFile).get(2))
                        .isEqualTo("t2," + served.tenants().get(1).url() + ",${file:../t2.key}");
            }
        }

        @Test
        void should_give_each_tenant_the_quota_of_the_options() throws Exception {
            try (SandboxCommand.Served served =
                    command("--tenants", "2", "--quota", "1").serve()) {
                // given: the first tenant's one write
                assertThat(create(served.tenants().get(0).url(), read("t1.key"), "a")
                                .statusCode())
                        .isEqualTo(201);

                // when / then: the second's quota is its own; each refuses its second write
                assertThat(create(served.tenants().get(1).url(), read("t2.key"), "b")
                                .statusCode())
                        .isEqualTo(201);
                assertThat(create(served.tenants().get(0).url(), read("t1.key"), "c")
                                .statusCode())
                        .isEqualTo(429);
                assertThat(create(served.tenants().get(1).url(), read("t2.key"), "d")
                                .statusCode())
                        .isEqualTo(429);
            }
        }

        @Test
        void should_refuse_fewer_than_one_tenant() {
            assertThatThrownBy(() -> command("--tenants", "0").serve())
                    .isInstanceOf(ParameterException.class)
                    .hasMessage("--tenants must be at least 1, was 0");
        }
    }
}
