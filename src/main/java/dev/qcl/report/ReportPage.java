package dev.qcl.report;

import static dev.qcl.report.Html.escape;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.RowResult;
import dev.qcl.results.TimelineSample;
import java.util.List;
import java.util.Map;

/**
 * The whole of report.html as one string: a self-contained page (inline style, inline SVG, no script)
 * whose content security policy forbids loading anything, so an escaping slip still could not run code.
 */
final class ReportPage {
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private ReportPage() {}

    static String html(
            RunInfo run,
            List<TimelineSample> timeline,
            List<Map.Entry<String, Long>> topMessages,
            List<RowResult> problems,
            long problemCount,
            List<RowResult> changes,
            long changeCount) {
        StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(POLICY)
                .append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(title(run)))
                .append("</title>\n")
                .append("<style>\n")
                .append(ReportStyle.CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        page.append(RunHeader.html(run));
        page.append("<div class=\"columns\">\n");
        section(page, "statuses", run.dryRun() ? "Planned actions" : "Rows per status", StatusChart.svg(run));
        section(page, "messages", "Top error messages", ReportTables.topMessages(topMessages));
        page.append("</div>\n");
        section(page, "timeline", "Throughput and throttling", TimelineChart.html(timeline));
        section(
                page,
                "problems",
                problemsTitle(run, problemCount),
                ReportTables.problems(problems, problemCount, FailedCsv.fileName(run)));
        if (changeCount > 0) {
            String what = run.dryRun() ? "Updates and deletions planned" : "Updated rows and deleted connections";
            section(
                    page,
                    "changes",
                    what + " <span class=\"count\">(" + Formats.count(changeCount) + ")</span>",
                    ReportTables.changes(changes, changeCount));
        }
        page.append("<footer>Written by qcl for run ").append(run.runId()).append(".</footer>\n");
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder page, String id, String titleHtml, String body) {
        page.append("<section class=\"card\" id=\"")
                .append(id)
                .append("\">\n<h2>")
                .append(titleHtml)
                .append("</h2>\n")
                .append(body)
                .append("</section>\n");
    }

    private static String problemsTitle(RunInfo run, long problemCount) {
        String what = run.dryRun() ? "Rows that would fail and invalid rows" : "Failed and invalid rows";
        return what + " <span class=\"count\">(" + Formats.count(problemCount) + ")</span>";
    }

    private static String title(RunInfo run) {
        String label = run.label() == null || run.label().isBlank() ? "" : " · " + run.label();
        return "qcl run " + run.runId() + label + " · " + run.status();
    }
}
