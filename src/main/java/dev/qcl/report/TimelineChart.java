package dev.qcl.report;

import static dev.qcl.report.Html.escape;
import static dev.qcl.report.Html.num;
import static dev.qcl.report.Html.svgText;

import dev.qcl.report.TimelineBuckets.Bucket;
import dev.qcl.results.TimelineSample;
import java.util.List;

/** Throughput (rows per second, bars) and throttling (429 answers, a line on its own axis) over a run. */
final class TimelineChart {
    static final String TOO_SHORT = "Run too short for a timeline.";
    private static final int MAX_BARS = 90;
    private static final double WIDTH = 1000;
    private static final double LEFT = 64;
    private static final double RIGHT = WIDTH - 64;
    private static final double TOP = 40;
    private static final double BOTTOM = 262;
    private static final String BAR = "#5b8def";
    private static final String THROTTLE = "#e8590c";

    private TimelineChart() {}

    /** The chart with a one-line caption, or a note when there are fewer than two samples to draw. */
    static String html(List<TimelineSample> samples) {
        if (!TimelineBuckets.drawable(samples)) {
            return "<p class=\"empty\">" + escape(TOO_SHORT) + "</p>\n";
        }
        List<Bucket> buckets = TimelineBuckets.of(samples, MAX_BARS);
        return svg(buckets) + "<p class=\"caption\">" + escape(caption(samples.size(), buckets)) + "</p>\n";
    }

    private static String svg(List<Bucket> buckets) {
        double peakRate =
                buckets.stream().mapToDouble(Bucket::rowsPerSecond).max().orElse(0);
        long peakThrottled = buckets.stream().mapToLong(Bucket::throttled).max().orElse(0);
        AxisScale rates = AxisScale.upTo(peakRate, 4, false);
        // the 429 axis shares the grid lines of the rate axis, so it takes as many steps
        AxisScale throttles = peakThrottled == 0 ? null : AxisScale.upTo(peakThrottled, rates.ticks(), true);
        if (throttles != null) {
            throttles = new AxisScale(throttles.step() * rates.ticks(), throttles.step());
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart timeline-chart\" viewBox=\"0 0 ")
                .append(num(WIDTH))
                .append(" 300\" role=\"img\" aria-label=\"Throughput and throttling over time\"")
                .append(" xmlns=\"http://www.w3.org/2000/svg\">\n");
        appendGrid(svg, rates, throttles);
        double slot = (RIGHT - LEFT) / buckets.size();
        double pad = slot > 6 ? slot * 0.15 : 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            double h = y(0, rates.max()) - y(b.rowsPerSecond(), rates.max());
            svg.append("<rect class=\"bar\" x=\"")
                    .append(num(LEFT + i * slot + pad))
                    .append("\" y=\"")
                    .append(num(BOTTOM - h))
                    .append("\" width=\"")
                    .append(num(slot - 2 * pad))
                    .append("\" height=\"")
                    .append(num(h))
                    .append("\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(escape(tooltip(b)))
                    .append("</title></rect>\n");
        }
        if (throttles != null) {
            appendThrottleLine(svg, buckets, slot, throttles.max());
        }
        appendTimeAxis(svg, buckets, slot);
        appendLegend(svg, peakThrottled > 0);
        return svg.append("</svg>\n").toString();
    }

    private static void appendGrid(StringBuilder svg, AxisScale rates, AxisScale throttles) {
        for (int i = 0; i <= rates.ticks(); i++) {
            double y = y(rates.tick(i), rates.max());
            svg.append("<line class=\"")
                    .append(i == 0 ? "axis" : "gridline")
                    .append("\" x1=\"")
                    .append(num(LEFT))
                    .append("\" x2=\"")
                    .append(num(RIGHT))
                    .append("\" y1=\"")
                    .append(num(y))
                    .append("\" y2=\"")
                    .append(num(y))
                    .append("\"/>")
                    .append(svgText(LEFT - 8, y + 4, "tick tick-left", AxisScale.label(rates.tick(i))));
            if (throttles != null) {
                svg.append(svgText(RIGHT + 8, y + 4, "tick tick-right", AxisScale.label(throttles.tick(i))));
            }
            svg.append('\n');
        }
        svg.append(svgText(LEFT - 8, TOP - 16, "axis-title tick-left", "rows/s"));
        if (throttles != null) {
            svg.append(svgText(RIGHT + 8, TOP - 16, "axis-title tick-right", "429s"));
        }
        svg.append('\n');
    }

    private static void appendThrottleLine(StringBuilder svg, List<Bucket> buckets, double slot, double max) {
        StringBuilder points = new StringBuilder();
        StringBuilder markers = new StringBuilder();
        for (int i = 0; i < buckets.size(); i++) {
            double x = LEFT + (i + 0.5) * slot;
            double y = y(buckets.get(i).throttled(), max);
            points.append(num(x)).append(',').append(num(y)).append(' ');
            if (buckets.get(i).throttled() > 0) {
                markers.append("<circle class=\"throttle-marker\" cx=\"")
                        .append(num(x))
                        .append("\" cy=\"")
                        .append(num(y))
                        .append("\" r=\"3.5\" fill=\"")
                        .append(THROTTLE)
                        .append("\"><title>")
                        .append(escape(tooltip(buckets.get(i))))
                        .append("</title></circle>\n");
            }
        }
        svg.append("<polyline class=\"throttle-line\" fill=\"none\" stroke=\"")
                .append(THROTTLE)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"")
                .append(points.toString().trim())
                .append("\"/>\n")
                .append(markers);
    }

    private static void appendTimeAxis(StringBuilder svg, List<Bucket> buckets, double slot) {
        int every = Math.max(1, (int) Math.ceil(buckets.size() / 8.0));
        for (int i = 0; i <= buckets.size(); i++) {
            boolean last = i == buckets.size();
            // the end always gets a label; a regular one too close to it gives way
            if (!last && (i % every != 0 || buckets.size() - i < every / 2.0)) {
                continue;
            }
            long at = last ? buckets.get(i - 1).toMs() : buckets.get(i).fromMs();
            svg.append(svgText(LEFT + i * slot, BOTTOM + 20, "tick tick-time", Formats.clock(at)));
        }
        svg.append(svgText(WIDTH / 2, 296, "axis-title tick-time", "time since start"))
                .append('\n');
    }

    private static void appendLegend(StringBuilder svg, boolean throttled) {
        svg.append("<g class=\"legend\"><rect x=\"620\" y=\"10\" width=\"14\" height=\"12\" rx=\"2\" fill=\"")
                .append(BAR)
                .append("\"/>")
                .append(svgText(640, 20, "legend-label", "rows per second"))
                .append("<line x1=\"770\" x2=\"792\" y1=\"16\" y2=\"16\" stroke=\"")
                .append(THROTTLE)
                .append("\" stroke-width=\"2\"/><circle cx=\"781\" cy=\"16\" r=\"3.5\" fill=\"")
                .append(THROTTLE)
                .append("\"/>")
                .append(svgText(798, 20, "legend-label", throttled ? "throttled (429)" : "no 429s"))
                .append("</g>\n");
    }

    private static double y(double value, double max) {
        return BOTTOM - value / max * (BOTTOM - TOP);
    }

    private static String tooltip(Bucket b) {
        return Formats.clock(b.fromMs()) + "–" + Formats.clock(b.toMs()) + ": " + Formats.count(b.rows()) + " rows ("
                + Formats.decimal(b.rowsPerSecond()) + "/s), " + b.throttled() + " × 429";
    }

    private static String caption(int samples, List<Bucket> buckets) {
        long span = buckets.get(buckets.size() - 1).toMs();
        double peak = buckets.stream().mapToDouble(Bucket::rowsPerSecond).max().orElse(0);
        long throttled = buckets.stream().mapToLong(Bucket::throttled).sum();
        return samples + " samples over " + Formats.duration(span) + " · peak " + Formats.decimal(peak) + " rows/s · "
                + Formats.count(throttled) + " throttled (429) responses";
    }
}
