package dev.qcl.report;

/** The inline style sheet of report.html: system fonts, a neutral palette, no external resources. */
final class ReportStyle {
    static final String CSS = """
            :root { --ink: #1f2933; --muted: #6b7280; --line: #e4e7eb; --soft: #f3f4f6; --bg: #f5f6f8;
                    --accent: #2563eb; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
                   font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                         "Noto Sans", "Liberation Sans", sans-serif; }
            main { max-width: 1200px; margin: 0 auto; padding: 32px 28px 40px; }
            .eyebrow { color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .06em;
                       text-transform: uppercase; margin: 0 0 4px; }
            .title { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
            h1 { font-size: 26px; line-height: 1.25; margin: 0; overflow-wrap: anywhere; }
            h1 .label { color: var(--muted); font-weight: 500; }
            h2 { font-size: 15px; margin: 0 0 14px; }
            h2 .count { color: var(--muted); font-weight: 500; }
            .badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px;
                     font-weight: 600; letter-spacing: .03em; white-space: nowrap; }
            .badge.large { font-size: 13px; padding: 3px 12px; }
            .badge.plain { color: var(--muted); background: var(--soft); }
            .input { margin: 8px 0 0; color: var(--muted); overflow-wrap: anywhere; }
            .input code { color: var(--ink); }
            code, .id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
                        font-size: 12.5px; }
            .files { display: flex; gap: 8px; flex-wrap: wrap; margin: 16px 0 0; padding: 0; list-style: none; }
            .files a { display: inline-block; padding: 5px 12px; border: 1px solid var(--line); border-radius: 6px;
                       background: #fff; color: var(--accent); text-decoration: none; font-weight: 500; }
            .files a:hover { border-color: var(--accent); }
            a { color: var(--accent); }
            .facts { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); margin: 20px 0 0;
                     background: #fff; border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
            /* right and bottom rules; those on the outer edge fall under the clipped border */
            .fact { padding: 12px 16px; margin: 0; box-shadow: 1px 0 0 var(--line), 0 1px 0 var(--line); }
            .fact dt { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
            .fact dd { margin: 2px 0 0; font-size: 15.5px; font-weight: 600; font-variant-numeric: tabular-nums;
                       overflow-wrap: anywhere; }
            .fact dd small { color: var(--muted); font-weight: 500; font-size: 12.5px; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px;
                    margin-top: 20px; min-width: 0; }
            .columns { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 7fr); gap: 20px;
                       margin-top: 20px; }
            .columns .card { margin-top: 0; }
            svg.chart { display: block; width: 100%; height: auto; }
            svg.status-chart { max-width: 470px; }
            svg text { font-family: inherit; fill: var(--ink); font-size: 13px; }
            .total { font-size: 28px; font-weight: 700; text-anchor: middle; }
            .total-unit { font-size: 12px; fill: var(--muted); text-anchor: middle; }
            .legend-label { font-size: 12.5px; }
            .legend-count { text-anchor: end; font-weight: 600; }
            .legend-share { text-anchor: end; fill: var(--muted); }
            .tick { font-size: 11px; fill: var(--muted); }
            .tick-left { text-anchor: end; }
            .tick-right { text-anchor: start; }
            .tick-time { text-anchor: middle; }
            .axis-title { font-size: 11.5px; font-weight: 600; fill: var(--muted); }
            line.gridline { stroke: #eef0f2; }
            line.axis { stroke: #9aa3ae; }
            .bar:hover, .throttle-marker:hover { opacity: .75; }
            .caption { color: var(--muted); font-size: 12.5px; margin: 8px 0 0; }
            table { width: 100%; border-collapse: collapse; font-size: 13px; }
            th { text-align: left; font-weight: 600; font-size: 11.5px; color: var(--muted); text-transform: uppercase;
                 letter-spacing: .05em; padding: 8px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
            td { padding: 8px 10px; border-bottom: 1px solid #f0f2f4; vertical-align: top; }
            tbody tr:last-child td { border-bottom: 0; }
            tbody tr:hover { background: #fafbfc; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .name, .id, .message { overflow-wrap: anywhere; }
            td.space { min-width: calc(24ch + 20px); }
            .muted { color: var(--muted); font-style: italic; }
            .empty { color: var(--muted); margin: 4px 0; }
            .note { background: var(--soft); border-radius: 6px; padding: 8px 12px; margin: 0 0 12px; }
            footer { color: var(--muted); font-size: 12px; margin-top: 24px; text-align: center; }
            @media (max-width: 900px) {
                .columns { grid-template-columns: minmax(0, 1fr); }
                .facts { grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); }
            }
            @media print { body { background: #fff; } .card { break-inside: avoid; } .files { display: none; } }
            """;

    private ReportStyle() {}
}
