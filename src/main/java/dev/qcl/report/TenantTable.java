package dev.qcl.report;

import static dev.qcl.report.Html.escape;
import static dev.qcl.report.Html.num;

import dev.qcl.launch.RunInfo;
import dev.qcl.launch.TenantRun;
import dev.qcl.results.RowStatus;
import java.util.List;

/**
 * report.html of a run over several tenants: one table row per tenant with its status, its counts per
 * status, its time, and a bar of its rows per status, so that the tenant behind or failing stands out.
 */
final class TenantTable {
    private static final double BAR_WIDTH = 160;
    private static final double BAR_HEIGHT = 12;

    private TenantTable() {}

    static String html(RunInfo run) {
        List<RowStatus> statuses = SummaryJson.statusesOf(run);
        StringBuilder html = new StringBuilder("<table class=\"tenants\">\n<thead><tr><th>Tenant</th><th>Status</th>");
        for (RowStatus status : statuses) {
            html.append("<th class=\"num\">").append(status.name()).append("</th>");
        }
        html.append("<th class=\"num\">Time</th><th>Rows per status</th></tr></thead>\n<tbody>\n");
        long most = run.tenants().stream().mapToLong(TenantTable::rows).max().orElse(0);
        for (TenantRun tenant : run.tenants()) {
            html.append("<tr><td class=\"name\">")
                    .append(escape(tenant.alias()))
                    .append("</td><td>")
                    .append(escape(tenant.status()))
                    .append("</td>");
            for (RowStatus status : statuses) {
                html.append("<td class=\"num\">").append(tenant.count(status)).append("</td>");
            }
            html.append("<td class=\"num\">")
                    .append(Formats.duration(tenant.durationMs()))
                    .append("</td><td>")
                    .append(bar(tenant, statuses, most))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static long rows(TenantRun tenant) {
        return tenant.counts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The tenant's rows per status as one bar, its length to scale with the tenant of the most rows. */
    private static String bar(TenantRun tenant, List<RowStatus> statuses, long most) {
        StringBuilder svg = new StringBuilder("<svg class=\"tenant-bar\" width=\"")
                .append(num(BAR_WIDTH))
                .append("\" height=\"")
                .append(num(BAR_HEIGHT))
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(tenant.alias()))
                .append(" rows per status\">");
        double x = 0;
        for (RowStatus status : statuses) {
            long count = tenant.count(status);
            if (count == 0 || most == 0) {
                continue;
            }
            double width = BAR_WIDTH * count / most;
            svg.append("<rect x=\"")
                    .append(num(x))
                    .append("\" y=\"0\" width=\"")
                    .append(num(width))
                    .append("\" height=\"")
                    .append(num(BAR_HEIGHT))
                    .append("\" fill=\"")
                    .append(StatusPalette.of(status).fill())
                    .append("\"><title>")
                    .append(count)
                    .append(' ')
                    .append(status.name())
                    .append("</title></rect>");
            x += width;
        }
        return svg.append("</svg>").toString();
    }
}
