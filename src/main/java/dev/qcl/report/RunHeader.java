package dev.qcl.report;

import static dev.qcl.report.Html.escape;
import static dev.qcl.report.Html.orDash;

import dev.qcl.launch.RunInfo;

/** The top of report.html: run ID, label, status, input, links to the other report files, key figures. */
final class RunHeader {

    private RunHeader() {}

    static String html(RunInfo run) {
        StatusPalette.Tone tone = StatusPalette.ofRun(run.status());
        StringBuilder html = new StringBuilder("<header>\n<p class=\"eyebrow\">qcl run report</p>\n");
        html.append("<div class=\"title\"><h1>Run ").append(run.runId());
        if (run.label() != null && !run.label().isBlank()) {
            html.append(" <span class=\"label\">&middot; ")
                    .append(escape(run.label()))
                    .append("</span>");
        }
        html.append("</h1><span class=\"badge large run-status\" style=\"color:")
                .append(tone.ink())
                .append(";background:")
                .append(tone.tint())
                .append("\">")
                .append(orDash(run.status()))
                .append("</span>");
        if (run.dryRun()) {
            html.append("<span class=\"badge large plain\">dry run: planned actions</span>");
        }
        html.append("</div>\n<p class=\"input\">Input <code>")
                .append(orDash(run.input()))
                .append("</code>");
        if (run.onExisting() != null) {
            html.append(" &middot; on existing: ")
                    .append(escape(run.onExisting().option()));
        }
        if (run.rerunOf() != null) {
            html.append(" &middot; rerun of run ").append(run.rerunOf());
        }
        html.append("</p>\n");
        if (run.plan() != null) {
            html.append("<p class=\"input plan\">Applied the saved plan <code>")
                    .append(escape(run.plan().file().toString()))
                    .append("</code> &middot; SHA-256 <code>")
                    .append(escape(run.plan().sha256()))
                    .append("</code> &middot; made ")
                    .append(escape(Formats.timestamp(run.plan().createdAt())))
                    .append(" UTC</p>\n");
        }
        html.append("<ul class=\"files\">");
        for (String file : new String[] {"results.csv", FailedCsv.fileName(run), "summary.json"}) {
            html.append("<li><a href=\"")
                    .append(file)
                    .append("\">")
                    .append(file)
                    .append("</a></li>");
        }
        html.append("</ul>\n");
        return html.append(facts(run)).append("</header>\n").toString();
    }

    private static String facts(RunInfo run) {
        RunInfo.HttpTotals http = run.http();
        StringBuilder html = new StringBuilder("<dl class=\"facts\">\n");
        fact(html, "Started (UTC)", run.startedAt() == null ? "" : Formats.timestamp(run.startedAt()));
        fact(html, "Ended (UTC)", run.endedAt() == null ? "" : Formats.timestamp(run.endedAt()));
        fact(html, "Duration", Formats.duration(run.durationMs()));
        fact(html, "Rows", Formats.count(run.rows()));
        fact(html, "Rows per second", Formats.decimal(SummaryJson.rowsPerSecond(run)));
        fact(html, "HTTP requests", Formats.count(http.requests()));
        fact(html, "Retries", Formats.count(http.retries()));
        fact(html, "Throttled (429)", Formats.count(http.throttled()));
        fact(html, "Throttle wait", Formats.duration(http.throttleWaitMs()));
        fact(html, "Executions", Integer.toString(run.executions()));
        return html.append("</dl>\n").toString();
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<div class=\"fact\"><dt>")
                .append(escape(name))
                .append("</dt><dd>")
                .append(orDash(value))
                .append("</dd></div>\n");
    }
}
