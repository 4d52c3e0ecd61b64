package dev.qcl.report;

import static dev.qcl.report.Html.escape;
import static dev.qcl.report.Html.num;
import static dev.qcl.report.Html.svgText;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.RowStatus;
import java.util.List;
import java.util.Locale;

/** The rows of a run per status as an SVG donut with a legend of counts and shares. */
final class StatusChart {
    private static final double CX = 110;
    private static final double CY = 110;
    private static final double RADIUS = 78;
    private static final double RING = 30;
    private static final double GAP = 2;

    private StatusChart() {}

    static String svg(RunInfo run) {
        List<RowStatus> statuses = SummaryJson.statusesOf(run);
        long total = statuses.stream().mapToLong(run::count).sum();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart status-chart\" viewBox=\"0 0 470 220\" role=\"img\"")
                .append(" aria-label=\"Rows per status\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        svg.append(circle("#eceef1", 0, 0, null));
        appendSegments(svg, run, statuses, total);
        svg.append(svgText(CX, CY + 4, "total", Formats.count(total)));
        svg.append(svgText(CX, CY + 24, "total-unit", total == 1 ? "row" : "rows"));
        appendLegend(svg, run, statuses, total);
        return svg.append("</svg>\n").toString();
    }

    private static void appendSegments(StringBuilder svg, RunInfo run, List<RowStatus> statuses, long total) {
        double circumference = 2 * Math.PI * RADIUS;
        long parts = statuses.stream().filter(s -> run.count(s) > 0).count();
        double start = 0;
        for (RowStatus status : statuses) {
            long count = run.count(status);
            if (count == 0) {
                continue;
            }
            double length = circumference * count / total;
            // a thin gap between neighbours keeps small slices visible next to large ones
            double drawn = parts > 1 && length > 2 * GAP ? length - GAP : length;
            String tooltip = status.name() + ": " + count + " (" + share(count, total) + ")";
            svg.append(circle(StatusPalette.of(status).fill(), drawn, start, tooltip));
            start += length;
        }
    }

    private static String circle(String colour, double length, double start, String tooltip) {
        double circumference = 2 * Math.PI * RADIUS;
        StringBuilder c = new StringBuilder("<circle cx=\"")
                .append(num(CX))
                .append("\" cy=\"")
                .append(num(CY))
                .append("\" r=\"")
                .append(num(RADIUS))
                .append("\" fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(num(RING))
                .append('"');
        if (tooltip == null) {
            return c.append("/>\n").toString();
        }
        c.append(" stroke-dasharray=\"")
                .append(num(length))
                .append(' ')
                .append(num(circumference - length))
                .append("\" stroke-dashoffset=\"")
                .append(num(-start))
                .append("\" transform=\"rotate(-90 ")
                .append(num(CX))
                .append(' ')
                .append(num(CY))
                .append(")\">");
        return c.append("<title>")
                .append(escape(tooltip))
                .append("</title></circle>\n")
                .toString();
    }

    private static void appendLegend(StringBuilder svg, RunInfo run, List<RowStatus> statuses, long total) {
        double y = 110 - (statuses.size() - 1) * 34 / 2.0;
        for (RowStatus status : statuses) {
            long count = run.count(status);
            svg.append("<g class=\"legend-item\">")
                    .append("<rect x=\"236\" y=\"")
                    .append(num(y - 11))
                    .append("\" width=\"14\" height=\"14\" rx=\"3\" fill=\"")
                    .append(StatusPalette.of(status).fill())
                    .append("\"/>")
                    .append(svgText(260, y + 1, "legend-label", status.name()))
                    .append(svgText(400, y + 1, "legend-count", Formats.count(count)))
                    .append(svgText(462, y + 1, "legend-share", share(count, total)))
                    .append("</g>\n");
            y += 34;
        }
    }

    static String share(long count, long total) {
        if (total == 0 || count == 0) {
            return "0%";
        }
        if (count == total) {
            return "100%";
        }
        // never round a part up to the whole or down to nothing
        double percent = Math.min(99.9, Math.max(0.1, count * 100.0 / total));
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
