package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code qcl --help} lists every command with a whole one-line summary. */
class HelpTests {

    /** The lines under "Commands:" up to the first blank line. */
    static List<String> commandList(String help) {
        return help.lines()
                .dropWhile(line -> !line.equals("Commands:"))
                .skip(1)
                .takeWhile(line -> !line.isBlank())
                .toList();
    }

    @Test
    void should_list_each_command_on_one_line_with_a_summary_ending_with_a_full_stop() {
        Qcl.Outcome outcome = Qcl.run("--help");

        List<String> commands = commandList(outcome.out());
        assertThat(outcome.exitCode()).isZero();
        assertThat(commands)
                .extracting(line -> line.strip().split(" +")[0])
                .contains("run", "validate", "restart", "rerun-failed", "status", "report", "specs", "demo");
        // a wrapped summary would leave a line that starts with spaces only, or one cut mid-sentence
        assertThat(commands).allSatisfy(line -> assertThat(line).matches("  [a-z][a-z-]* +\\S.*\\.$"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"specs", "plan"})
    void should_list_each_subcommand_on_one_line_with_a_summary_ending_with_a_full_stop(String command) {
        List<String> commands = commandList(Qcl.run(command, "--help").out());

        assertThat(commands).isNotEmpty().allSatisfy(line -> assertThat(line).matches("  [a-z][a-z-]* +\\S.*\\.$"));
    }
}
