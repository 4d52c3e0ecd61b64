package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract section 3: {@code demo} never reads QLIK_API_KEY. The packaged jar runs the demo with a real
 * looking key in its environment; the key appears in no file of the demo's home and in no output.
 */
class DemoKeyIT {
    static final String USERS_KEY = "eyJhbGciOiJFUzM4NCJ9.users-real-key-Vq83nXw";

    @Test
    void should_give_the_sandbox_a_key_of_its_own_and_never_write_the_users_key(@TempDir Path dir)
            throws IOException, InterruptedException {
        // given
        Path jar = Path.of(System.getProperty("qcl.jar", "target/qlik-connection-loader.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package)").isRegularFile();
        Path home = dir.resolve("home");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "demo",
                        "--home",
                        home.toString())
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(dir.resolve("demo.out").toFile())
                .redirectError(dir.resolve("demo.err").toFile());
        builder.environment().put("QLIK_API_KEY", USERS_KEY);
        builder.environment().remove("QLIK_TENANT_URL");
        builder.environment().remove("QCL_HOME");

        // when
        Process demo = builder.start();
        assertThat(demo.waitFor(4, TimeUnit.MINUTES)).as("the demo ends").isTrue();

        // then: the sandbox accepted its own key (the rows were created) ...
        String out = Files.readString(dir.resolve("demo.out"));
        String err = Files.readString(dir.resolve("demo.err"));
        List<String> lines = out.lines().toList();
        assertThat(lines).as(err).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).as(err).contains("18 CREATED").contains("4 INVALID");
        assertThat(home.resolve("sandbox-api-key")).exists().content().doesNotContain(USERS_KEY);
        // ... and the user's key is nowhere
        assertThat(out + err).doesNotContain(USERS_KEY);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("%s", file)
                        .doesNotContain(USERS_KEY);
            }
        }
    }
}
