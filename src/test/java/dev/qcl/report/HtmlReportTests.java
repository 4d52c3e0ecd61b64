package dev.qcl.report;

import static dev.qcl.report.ReportFixtures.failed;
import static dev.qcl.report.ReportFixtures.invalid;
import static dev.qcl.report.ReportFixtures.plannedCounts;
import static dev.qcl.report.ReportFixtures.run;
import static dev.qcl.report.ReportFixtures.runCounts;
import static dev.qcl.report.ReportFixtures.timeline;
import static dev.qcl.report.ReportFixtures.topMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.results.TimelineSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTests {
    static final String SCRIPT_NAME = "<script>document.title='pwned'</script>";

    @TempDir
    Path dir;

    static List<RowResult> problems() {
        return List.of(
                invalid(3, "pg_sales", "column 'port': 'abc' is not an integer"),
                failed(7, SCRIPT_NAME, "tenant answered 400: <b>bad</b> & \"worse\""),
                invalid(12, "sf_finance", "space 'Finance' not found; did you mean 'finance'?"),
                failed(15, "mysql_ops", "tenant answered 400: connection string is invalid"));
    }

    String write(RunInfo run, List<TimelineSample> timeline, List<RowResult> problems, long count) throws IOException {
        Path file = dir.resolve("report.html");
        new HtmlReport().write(run, timeline, topMessages(), problems, count, file);
        return Files.readString(file);
    }

    static int occurrences(String html, String text) {
        return (int)
                Pattern.compile(Pattern.quote(text)).matcher(html).results().count();
    }

    @Nested
    class Page {
        @Test
        void should_draw_the_status_chart_and_the_timeline_chart_as_inline_svg() throws IOException {
            // given a run with a five-minute timeline
            // when
            String html = write(run(runCounts()), timeline(), problems(), 35);

            // then
            assertThat(occurrences(html, "<svg ")).isEqualTo(2);
            assertThat(html).contains("class=\"chart status-chart\"", "class=\"chart timeline-chart\"");
            assertThat(html).contains("class=\"bar\"", "class=\"throttle-line\"", "class=\"throttle-marker\"");
        }

        @Test
        void should_show_run_statuses_with_their_counts_in_the_legend() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 35);

            // then
            assertThat(html).contains(">CREATED</text>", ">1,090</text>", ">FAILED</text>", ">12</text>");
            assertThat(html).contains(">1,200</text>").doesNotContain(">CREATE</text>");
        }

        @Test
        void should_show_planned_actions_for_a_dry_run() throws IOException {
            // given
            RunInfo dryRun = run(plannedCounts(), true, "check");

            // when
            String html = write(dryRun, timeline(), List.of(), 0);

            // then
            assertThat(html)
                    .contains(
                            ">CREATE</text>",
                            ">UPDATE</text>",
                            ">SKIP</text>",
                            ">FAIL</text>",
                            ">INVALID</text>",
                            "Planned actions",
                            "dry run");
            assertThat(html).doesNotContain(">CREATED</text>", ">SKIPPED</text>", ">FAILED</text>");
        }

        @Test
        void should_say_the_run_was_too_short_when_there_are_fewer_than_two_samples() throws IOException {
            // given one sample only
            List<TimelineSample> one = timeline().subList(0, 1);

            // when
            String html = write(run(runCounts()), one, problems(), 4);

            // then
            assertThat(html).containsIgnoringCase("run too short for a timeline");
            assertThat(occurrences(html, "<svg ")).isEqualTo(1);
        }

        @Test
        void should_show_the_run_header() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 35);

            // then
            assertThat(html)
                    .contains(
                            "Run 42",
                            "nightly load",
                            ">COMPLETED</span>",
                            "/data/connections.csv",
                            "Started (UTC)</dt><dd>2025-03-14 09:30:00</dd>",
                            ">2025-03-14 09:35:00</dd>",
                            "5 min 0 s",
                            ">4.0</dd>",
                            ">1,320</dd>",
                            ">18</dd>",
                            ">25</dd>",
                            ">41.0 s</dd>",
                            "on existing: skip");
        }

        @Test
        void should_show_a_dash_for_what_a_run_still_running_does_not_have_yet() throws IOException {
            // given a run without label and end
            RunInfo started = new RunInfo(
                    43L,
                    null,
                    "in.csv",
                    "ab",
                    false,
                    null,
                    41L,
                    "STARTED",
                    "",
                    ReportFixtures.START,
                    null,
                    1_500L,
                    2,
                    9L,
                    new RunInfo.HttpTotals(0, 0, 0, 0),
                    runCounts());

            // when
            String html = write(started, List.of(), List.of(), 0);

            // then
            assertThat(html)
                    .contains(
                            "Run 43</h1>",
                            ">STARTED</span>",
                            "Ended (UTC)</dt><dd>&mdash;</dd>",
                            "rerun of run 41",
                            "Executions</dt><dd>2</dd>",
                            "Run too short for a timeline.");
        }

        @Test
        void should_link_to_the_other_report_files_relatively() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 35);

            // then
            assertThat(html).contains("href=\"results.csv\"", "href=\"failed.csv\"", "href=\"summary.json\"");
        }

        @Test
        void should_load_nothing_from_outside_the_page() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 35);

            // then: the only URL is the SVG namespace, and the policy forbids fetching anything
            assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "//");
            assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(");
            assertThat(html).contains("default-src 'none'");
        }

        @Test
        void should_replace_the_file_through_a_temporary_file() throws IOException {
            // given an older report
            Path file = dir.resolve("report.html");
            Files.writeString(file, "old");

            // when
            new HtmlReport().write(run(runCounts()), timeline(), topMessages(), problems(), 4, file);

            // then
            assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
            assertThat(dir.resolve("report.html.tmp")).doesNotExist();
        }
    }

    @Nested
    class Tables {
        @Test
        void should_escape_markup_in_every_value_from_rows_and_messages() throws IOException {
            // given a qName, a message, a label and a top message holding markup
            RunInfo run = run(runCounts(), false, "<i>label</i>");
            List<Map.Entry<String, Long>> messages = List.of(Map.entry("<img src=x onerror=alert(1)>", 3L));

            // when
            Path file = dir.resolve("report.html");
            new HtmlReport().write(run, timeline(), messages, problems(), 4, file);
            String html = Files.readString(file);

            // then
            assertThat(html).doesNotContain("<script", "<img", "<b>bad", "<i>label");
            assertThat(html)
                    .contains(
                            "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;",
                            "&lt;b&gt;bad&lt;/b&gt; &amp; &quot;worse&quot;",
                            "&lt;img src=x onerror=alert(1)&gt;",
                            "&lt;i&gt;label&lt;/i&gt;");
        }

        @Test
        void should_note_that_only_the_first_rows_are_shown_when_there_are_more() throws IOException {
            // when 4 of 35 problem rows are given
            String html = write(run(runCounts()), timeline(), problems(), 35);

            // then
            assertThat(html).contains("Showing the first 4 of 35 rows", "(35)");
        }

        @Test
        void should_not_note_anything_when_all_problem_rows_are_shown() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 4);

            // then
            assertThat(html).doesNotContain("Showing the first");
        }

        @Test
        void should_list_each_problem_row_with_its_columns() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 4);

            // then
            assertThat(html)
                    .contains(
                            "<tr><td class=\"num\">15</td><td class=\"name\">mysql_ops</td>"
                                    + "<td class=\"id space\">5f3a9b2c1d0e4f7a8b6c5d4e</td><td class=\"id\">PostgreSQL</td>",
                            ">FAILED</span></td><td class=\"num\">400</td>",
                            ">INVALID</span></td><td class=\"num\">&mdash;</td>",
                            ">personal</span>");
        }

        @Test
        void should_show_the_top_messages_with_their_counts() throws IOException {
            // when
            String html = write(run(runCounts()), timeline(), problems(), 4);

            // then
            assertThat(html).contains("<td class=\"num\">11</td><td class=\"message\">column &#39;port&#39;");
        }

        @Test
        void should_say_so_when_there_are_no_problems() throws IOException {
            // given a clean run
            RunInfo clean = run(Map.of(RowStatus.CREATED, 10L));

            // when
            Path file = dir.resolve("report.html");
            new HtmlReport().write(clean, timeline(), List.of(), List.of(), 0, file);

            // then
            assertThat(Files.readString(file))
                    .contains("No failed or invalid rows.", "No error messages.", ">100%</text>");
        }
    }

    @Nested
    class InABrowser {
        @BeforeEach
        void needs_chromium() {
            Assumptions.assumeTrue(Chromium.installed(), "no " + Chromium.BINARY + " (apt-get install chromium)");
        }

        @Test
        void should_render_both_charts_and_the_problem_rows() throws Exception {
            // given
            Path file = dir.resolve("report.html");
            new HtmlReport().write(run(runCounts()), timeline(), topMessages(), problems(), 35, file);

            // when
            String dom = new Chromium(Files.createDirectory(dir.resolve("chromium"))).dumpDom(file);

            // then the parsed page has both charts, every problem row, and no script from a qName
            assertThat(occurrences(dom, "<svg ")).isEqualTo(2);
            assertThat(dom)
                    .contains(
                            "status-chart",
                            "timeline-chart",
                            "pg_sales",
                            "sf_finance",
                            "mysql_ops",
                            "Showing the first 4 of 35 rows");
            assertThat(dom).contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
            assertThat(dom).doesNotContain("<script").doesNotContain("<title>pwned");
        }

        @Test
        void should_take_a_screenshot_of_the_page() throws Exception {
            // given
            Path file = dir.resolve("report.html");
            new HtmlReport().write(run(runCounts()), timeline(), topMessages(), problems(), 35, file);
            Path png = Files.createDirectories(Path.of("target")).resolve("report-screenshot.png");
            Files.deleteIfExists(png);

            // when
            new Chromium(Files.createDirectory(dir.resolve("chromium"))).screenshot(file, png, 1280, 1600);

            // then a real picture, not a blank page (a blank 1280x1600 PNG is a few kilobytes)
            assertThat(png).exists();
            assertThat(Files.size(png)).isGreaterThan(50_000);
            Files.copy(
                    file,
                    png.resolveSibling("report-screenshot.html"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
