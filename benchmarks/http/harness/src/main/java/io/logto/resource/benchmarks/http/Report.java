package io.logto.resource.benchmarks.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders measurements and probe answers as Markdown with a text bar chart. */
final class Report {

    private Report() {
    }

    static String render(String header, List<Measurement> rows, Map<String, Map<String, Integer>> probeAnswers,
            List<Probe> probes) {
        StringBuilder out = new StringBuilder(header).append("\n\n## Throughput and latency\n\n");
        out.append("| framework | server | shape | req/s | p50 ms | p99 ms | server CPU µs/req | errors | vs peer | vs own floor "
                + "| vs own floor with the same header |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.2f | %.2f | %.0f | %d%s | %s | %s | %s |%n",
                    m.target(), m.app(), m.shape(), m.wrk().requestsPerSecond(), m.wrk().p50Micros() / 1000.0,
                    m.wrk().p99Micros() / 1000.0, m.cpuMicrosPerRequest(), m.wrk().errors(),
                    "unique".equals(m.shape()) && m.wrk().wraps() > 0 ? " (pool wrapped)" : "",
                    ratio(m, peerOf(rows, m)), ratio(m, floorOf(rows, m)),
                    "repeated".equals(m.shape()) ? ratio(m, find(rows, m.target(), m.app(), "public-padded")) : ""));
        }
        out.append("\n## Targets (issue 17)\n\n| framework | repeated ÷ floor ≥ 0.90 | repeated ÷ floor with the same header ≥ 0.90 "
                + "| unique ÷ peer ≥ 5 | zero errors |\n|---|---|---|---|---|\n");
        rows.stream().map(Measurement::target).distinct().forEach(target -> {
            Optional<Measurement> repeated = find(rows, target, "sample", "repeated");
            Optional<Measurement> unique = find(rows, target, "sample", "unique");
            String floor = repeated.flatMap(r -> floorOf(rows, r).map(f -> verdict(
                    r.wrk().requestsPerSecond() / f.wrk().requestsPerSecond(), 0.90))).orElse("n/a");
            String sameSize = repeated.flatMap(r -> find(rows, target, "sample", "public-padded").map(f -> verdict(
                    r.wrk().requestsPerSecond() / f.wrk().requestsPerSecond(), 0.90))).orElse("n/a");
            String peer = unique.flatMap(u -> peerOf(rows, u).map(p -> verdict(
                    u.wrk().requestsPerSecond() / p.wrk().requestsPerSecond(), 5.0))).orElse("n/a (no peer)");
            long errors = rows.stream().filter(r -> r.target().equals(target) && r.app().equals("sample"))
                    .mapToLong(r -> r.wrk().errors()).sum();
            out.append("| ").append(target).append(" | ").append(floor).append(" | ").append(sameSize).append(" | ").append(peer).append(" | ")
                    .append(errors == 0 ? "met" : "missed (" + errors + ")").append(" |\n");
        });
        out.append("\n## Checks each server does (probes sent before the load)\n\n");
        out.append("`ok`: the sample contract's status; `refused (n)`: refused with another status; ")
                .append("`NOT CHECKED`: accepted a token the contract refuses.\n\n| probe | expected |");
        probeAnswers.keySet().forEach(server -> out.append(' ').append(server).append(" |"));
        out.append("\n|---|---|");
        probeAnswers.keySet().forEach(server -> out.append("---|"));
        out.append('\n');
        for (Probe probe : probes) {
            out.append("| ").append(probe.check()).append(" | ").append(probe.expectedStatus()).append(" |");
            probeAnswers.values().forEach(answers -> {
                Integer status = answers.get(probe.name());
                out.append(' ').append(status == null ? "-" : probe.verdict(status)).append(" |");
            });
            out.append('\n');
        }
        out.append("\n## Chart (req/s)\n\n```\n").append(chart(rows)).append("```\n");
        return out.toString();
    }

    static String chart(List<Measurement> rows) {
        double max = rows.stream().mapToDouble(m -> m.wrk().requestsPerSecond()).max().orElse(1);
        StringBuilder out = new StringBuilder();
        for (Measurement m : rows) {
            int width = (int) Math.round(50 * m.wrk().requestsPerSecond() / Math.max(max, 1));
            out.append(String.format(Locale.ROOT, "%-9s %-6s %-13s |%-50s| %8.0f%n", m.target(), m.app(), m.shape(),
                    "#".repeat(width), m.wrk().requestsPerSecond()));
        }
        return out.toString();
    }

    /** A horizontal bar chart of requests/s, one bar per row; samples blue, peers grey. */
    static String svg(List<Measurement> rows) {
        double max = Math.max(1, rows.stream().mapToDouble(m -> m.wrk().requestsPerSecond()).max().orElse(1));
        int barHeight = 18;
        int labelWidth = 230;
        int barWidth = 500;
        int height = 40 + rows.size() * (barHeight + 6);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<text x=\"10\" y=\"20\" font-weight=\"bold\">requests/s "
                        + "(blue: sample with this SDK, grey: the framework's own JWT support)</text>%n",
                labelWidth + barWidth + 90, height));
        int y = 34;
        for (Measurement m : rows) {
            double rps = m.wrk().requestsPerSecond();
            int width = (int) Math.round(barWidth * rps / max);
            out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s %s %s</text>%n", y + 13, m.target(),
                    m.app(), m.shape()));
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth, y, Math.max(width, 1), barHeight, "sample".equals(m.app()) ? "#3b6fd8" : "#999999"));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.0f</text>%n", labelWidth + width + 6,
                    y + 13, rps));
            y += barHeight + 6;
        }
        return out.append("</svg>\n").toString();
    }

    private static String verdict(double ratio, double target) {
        return String.format(Locale.ROOT, "%s (%.2f)", ratio >= target ? "met" : "missed", ratio);
    }

    private static String ratio(Measurement m, Optional<Measurement> base) {
        return base.filter(b -> b != m && b.wrk().requestsPerSecond() > 0)
                .map(b -> String.format(Locale.ROOT, "%.2fx", m.wrk().requestsPerSecond() / b.wrk().requestsPerSecond()))
                .orElse("");
    }

    private static Optional<Measurement> peerOf(List<Measurement> rows, Measurement m) {
        return "sample".equals(m.app()) ? find(rows, m.target(), "peer", m.shape()) : Optional.empty();
    }

    private static Optional<Measurement> floorOf(List<Measurement> rows, Measurement m) {
        return "public".equals(m.shape()) ? Optional.empty() : find(rows, m.target(), m.app(), "public");
    }

    private static Optional<Measurement> find(List<Measurement> rows, String target, String app, String shape) {
        return rows.stream().filter(r -> r.target().equals(target) && r.app().equals(app) && r.shape().equals(shape))
                .findFirst();
    }

    static Map<String, Map<String, Integer>> newProbeTable() {
        return new LinkedHashMap<>();
    }
}
