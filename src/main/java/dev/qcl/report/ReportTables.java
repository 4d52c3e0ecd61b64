package dev.qcl.report;

import static dev.qcl.report.Html.escape;
import static dev.qcl.report.Html.orDash;

import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.util.List;
import java.util.Map;

/** The tables of report.html: the most frequent error messages and the first problem rows. */
final class ReportTables {
    private ReportTables() {}

    static String topMessages(List<Map.Entry<String, Long>> messages) {
        if (messages.isEmpty()) {
            return "<p class=\"empty\">No error messages.</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"messages\">\n<thead><tr>")
                .append("<th class=\"num\">Rows</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Long> message : messages) {
            html.append("<tr><td class=\"num\">")
                    .append(Formats.count(message.getValue()))
                    .append("</td><td class=\"message\">")
                    .append(orDash(message.getKey()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** The problem rows, with a note when they are only the first of more. */
    static String problems(List<RowResult> problems, long problemCount, String failedFile) {
        if (problems.isEmpty()) {
            return "<p class=\"empty\">No failed or invalid rows.</p>\n";
        }
        StringBuilder html = new StringBuilder();
        if (problemCount > problems.size()) {
            html.append("<p class=\"note\">Showing the first ")
                    .append(Formats.count(problems.size()))
                    .append(" of ")
                    .append(Formats.count(problemCount))
                    .append(" rows; all of them are in <a href=\"")
                    .append(failedFile)
                    .append("\">")
                    .append(failedFile)
                    .append("</a>.</p>\n");
        }
        html.append("<table class=\"problems\">\n<thead><tr><th class=\"num\">Row</th><th>qName</th>")
                .append("<th>Space</th><th>Data source</th><th>Status</th><th class=\"num\">HTTP</th>")
                .append("<th>Message</th></tr></thead>\n<tbody>\n");
        for (RowResult row : problems) {
            html.append("<tr><td class=\"num\">")
                    .append(row.row() > 0 ? Integer.toString(row.row()) : "&mdash;")
                    .append("</td><td class=\"name\">")
                    .append(orDash(row.qName()))
                    .append("</td><td class=\"id space\">")
                    .append(space(row))
                    .append("</td><td class=\"id\">")
                    .append(orDash(row.dataSourceId()))
                    .append("</td><td>")
                    .append(badge(row.status()))
                    .append("</td><td class=\"num\">")
                    .append(
                            row.httpStatus() == null
                                    ? "&mdash;"
                                    : row.httpStatus().toString())
                    .append("</td><td class=\"message\">")
                    .append(orDash(row.message()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** The rows UPDATED (or to update) with the properties they changed, and the connections deleted. */
    static String changes(List<RowResult> changes, long changeCount) {
        if (changes.isEmpty()) {
            return "<p class=\"empty\">No updates or deletions.</p>\n";
        }
        StringBuilder html = new StringBuilder();
        if (changeCount > changes.size()) {
            html.append("<p class=\"note\">Showing the first ")
                    .append(Formats.count(changes.size()))
                    .append(" of ")
                    .append(Formats.count(changeCount))
                    .append("; all of them are in <a href=\"results.csv\">results.csv</a>.</p>\n");
        }
        html.append("<table class=\"problems changes\">\n<thead><tr><th class=\"num\">Row</th><th>qName</th>")
                .append("<th>Space</th><th>Connection</th><th>Status</th><th>What</th></tr></thead>\n<tbody>\n");
        for (RowResult row : changes) {
            html.append("<tr><td class=\"num\">")
                    .append(row.row() > 0 ? Integer.toString(row.row()) : "&mdash;")
                    .append("</td><td class=\"name\">")
                    .append(orDash(row.qName()))
                    .append("</td><td class=\"id space\">")
                    .append(space(row))
                    .append("</td><td class=\"id\">")
                    .append(orDash(row.connectionId()))
                    .append("</td><td>")
                    .append(badge(row.status()))
                    .append("</td><td class=\"message\">")
                    .append(orDash(row.message()))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String space(RowResult row) {
        // an empty space is the owner's personal space, not a missing value
        return row.space().isEmpty() ? "<span class=\"muted\">personal</span>" : escape(row.space());
    }

    static String badge(RowStatus status) {
        StatusPalette.Tone tone = StatusPalette.of(status);
        return "<span class=\"badge\" style=\"color:" + tone.ink() + ";background:" + tone.tint() + "\">"
                + status.name() + "</span>";
    }
}
