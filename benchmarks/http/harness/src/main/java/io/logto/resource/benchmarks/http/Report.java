package io.logto.resource.benchmarks.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders measurements and probe answers as Markdown with a text bar chart.
 *
 * <p>A shape measured in several rounds (the interleaved {@code public}, {@code public-padded} and {@code repeated})
 * is shown by its median round; a ratio between two such shapes of one server is the median of the per-round ratios
 * (round <i>r</i> against round <i>r</i>, measured a few seconds apart) with their range, because the load on a shared
 * machine drifts more between two runs minutes apart than between neighbouring rounds.
 */
final class Report {

    private Report() {
    }

    /** Every round of one shape on one server, in the order measured. */
    record Summary(String target, String app, String shape, List<Measurement> rounds) {

        /** Median requests/s of the rounds. */
        double requestsPerSecond() {
            return median(rounds.stream().mapToDouble(m -> m.wrk().requestsPerSecond()).toArray());
        }

        double p50Millis() {
            return median(rounds.stream().mapToDouble(m -> m.wrk().p50Micros() / 1000.0).toArray());
        }

        double p99Millis() {
            return median(rounds.stream().mapToDouble(m -> m.wrk().p99Micros() / 1000.0).toArray());
        }

        /** Server CPU over all rounds ÷ requests over all rounds. */
        double cpuMicrosPerRequest() {
            long requests = rounds.stream().mapToLong(m -> m.wrk().requests()).sum();
            return requests == 0 ? 0 : (double) rounds.stream().mapToLong(Measurement::cpuMicros).sum() / requests;
        }

        long errors() {
            return rounds.stream().mapToLong(m -> m.wrk().errors()).sum();
        }

        long wraps() {
            return rounds.stream().mapToLong(m -> m.wrk().wraps()).sum();
        }
    }

    /**
     * This shape's requests/s relative to another shape: per-round ratios when both were measured in the same
     * rounds, else the ratio of the medians.
     *
     * @param median the median ratio
     * @param min the lowest per-round ratio
     * @param max the highest per-round ratio
     * @param rounds how many ratios (1 when they are the medians' ratio)
     */
    record Ratio(double median, double min, double max, int rounds) {

        static Optional<Ratio> of(Summary s, Optional<Summary> base) {
            return base.filter(b -> b != s && b.requestsPerSecond() > 0).map(b -> {
                double[] ratios = perRound(s, b);
                if (ratios == null) {
                    double r = s.requestsPerSecond() / b.requestsPerSecond();
                    return new Ratio(r, r, r, 1);
                }
                double min = Double.MAX_VALUE;
                double max = 0;
                for (double r : ratios) {
                    min = Math.min(min, r);
                    max = Math.max(max, r);
                }
                return new Ratio(Report.median(ratios), min, max, ratios.length);
            });
        }

        /** Round r of {@code s} against round r of {@code base}, or null unless both ran the same several rounds. */
        private static double[] perRound(Summary s, Summary base) {
            if (s.rounds().size() < 2 || s.rounds().size() != base.rounds().size()) {
                return null;
            }
            double[] ratios = new double[s.rounds().size()];
            for (int i = 0; i < ratios.length; i++) {
                Measurement m = s.rounds().get(i);
                Optional<Measurement> same = base.rounds().stream().filter(r -> r.round() == m.round()).findFirst();
                if (same.isEmpty() || same.get().wrk().requestsPerSecond() == 0) {
                    return null;
                }
                ratios[i] = m.wrk().requestsPerSecond() / same.get().wrk().requestsPerSecond();
            }
            return ratios;
        }

        String cell() {
            return rounds == 1 ? String.format(Locale.ROOT, "%.2fx", median)
                    : String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", median, min, max);
        }

        String verdict(double target) {
            String verdict = median >= target ? "met" : "missed";
            return rounds == 1 ? String.format(Locale.ROOT, "%s (%.2f)", verdict, median)
                    : String.format(Locale.ROOT, "%s (%.2f; rounds %.2f-%.2f)", verdict, median, min, max);
        }
    }

    /** Groups measurements by target, app and shape, keeping the order in which each was first measured. */
    static List<Summary> summarize(List<Measurement> rows) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : rows) {
            groups.computeIfAbsent(m.target() + '\0' + m.app() + '\0' + m.shape(), k -> new ArrayList<>()).add(m);
        }
        return groups.values().stream()
                .map(g -> new Summary(g.get(0).target(), g.get(0).app(), g.get(0).shape(), List.copyOf(g))).toList();
    }

    static String render(String header, List<Measurement> rows, Map<String, Map<String, Integer>> probeAnswers,
            List<Probe> probes) {
        List<Summary> summaries = summarize(rows);
        StringBuilder out = new StringBuilder(header).append("\n\n## Throughput and latency\n\n");
        out.append("Shapes measured in several rounds show the median round; their ratios to the floor are the median "
                + "of the per-round ratios, with the lowest and highest in brackets (every round in \"Rounds\" below).\n\n");
        out.append("| framework | server | shape | rounds | req/s | p50 ms | p99 ms | server CPU µs/req | errors | vs peer "
                + "| vs own floor | vs own floor with the same header |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary s : summaries) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %.2f | %.2f | %.0f | %d%s | %s | %s | %s |%n",
                    s.target(), s.app(), s.shape(), s.rounds().size(), s.requestsPerSecond(), s.p50Millis(),
                    s.p99Millis(), s.cpuMicrosPerRequest(), s.errors(),
                    "unique".equals(s.shape()) && s.wraps() > 0 ? " (pool wrapped)" : "",
                    peerOf(summaries, s).filter(p -> p.requestsPerSecond() > 0)
                            .map(p -> String.format(Locale.ROOT, "%.2fx", s.requestsPerSecond() / p.requestsPerSecond()))
                            .orElse(""),
                    Ratio.of(s, floorOf(summaries, s)).map(Ratio::cell).orElse(""),
                    "repeated".equals(s.shape())
                            ? Ratio.of(s, find(summaries, s.target(), s.app(), "public-padded")).map(Ratio::cell).orElse("")
                            : ""));
        }
        out.append("\n## Targets (issue 17)\n\nThe last column is no target: the peer with its verification memoized "
                + "(`memoized`), how close to its floor any verifier gets through the framework's own security API.\n\n"
                + "| framework | repeated ÷ floor ≥ 0.90 | repeated ÷ floor with the same header ≥ 0.90 "
                + "| unique ÷ peer ≥ 5 | zero errors | memoized peer: repeated ÷ floor |\n|---|---|---|---|---|---|\n");
        summaries.stream().map(Summary::target).distinct().forEach(target -> {
            Optional<Summary> repeated = find(summaries, target, "sample", "repeated");
            Optional<Summary> unique = find(summaries, target, "sample", "unique");
            String floor = repeated.flatMap(r -> Ratio.of(r, floorOf(summaries, r))).map(r -> r.verdict(0.90))
                    .orElse("n/a");
            String sameSize = repeated.flatMap(r -> Ratio.of(r, find(summaries, target, "sample", "public-padded")))
                    .map(r -> r.verdict(0.90)).orElse("n/a");
            String peer = unique.flatMap(u -> Ratio.of(u, peerOf(summaries, u))).map(r -> r.verdict(5.0))
                    .orElse("n/a (no peer)");
            long errors = summaries.stream().filter(s -> s.target().equals(target) && s.app().equals("sample"))
                    .mapToLong(Summary::errors).sum();
            String ceiling = find(summaries, target, "memoized", "repeated")
                    .flatMap(r -> Ratio.of(r, floorOf(summaries, r))).map(r -> r.rounds() == 1
                            ? String.format(Locale.ROOT, "%.2f", r.median())
                            : String.format(Locale.ROOT, "%.2f (rounds %.2f-%.2f)", r.median(), r.min(), r.max()))
                    .orElse("n/a");
            out.append("| ").append(target).append(" | ").append(floor).append(" | ").append(sameSize).append(" | ").append(peer).append(" | ")
                    .append(errors == 0 ? "met" : "missed (" + errors + ")").append(" | ").append(ceiling).append(" |\n");
        });
        rounds(out, summaries);
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

    /** Every round of the interleaved shapes, with the two per-round ratios the targets use. */
    private static void rounds(StringBuilder out, List<Summary> summaries) {
        List<Summary> multi = summaries.stream().filter(s -> s.rounds().size() > 1).toList();
        if (multi.isEmpty()) {
            return;
        }
        out.append("\n## Rounds\n\nreq/s of each round, in the order measured (public, public-padded, repeated, then the "
                + "next round).\n\n| framework | server | round | public | public-padded | repeated | repeated ÷ public "
                + "| repeated ÷ public-padded |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        multi.stream().map(s -> s.target() + '\0' + s.app()).distinct().forEach(key -> {
            String[] parts = key.split("\0");
            Optional<Summary> pub = find(summaries, parts[0], parts[1], "public");
            Optional<Summary> padded = find(summaries, parts[0], parts[1], "public-padded");
            Optional<Summary> repeated = find(summaries, parts[0], parts[1], "repeated");
            int n = Math.max(pub.map(s -> s.rounds().size()).orElse(0),
                    Math.max(padded.map(s -> s.rounds().size()).orElse(0), repeated.map(s -> s.rounds().size()).orElse(0)));
            for (int round = 1; round <= n; round++) {
                Optional<Double> p = rps(pub, round);
                Optional<Double> pp = rps(padded, round);
                Optional<Double> r = rps(repeated, round);
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s |%n", parts[0], parts[1], round,
                        p.map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse(""),
                        pp.map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse(""),
                        r.map(v -> String.format(Locale.ROOT, "%.0f", v)).orElse(""), quotient(r, p), quotient(r, pp)));
            }
        });
    }

    private static Optional<Double> rps(Optional<Summary> summary, int round) {
        return summary.flatMap(s -> s.rounds().stream().filter(m -> m.round() == round).findFirst())
                .map(m -> m.wrk().requestsPerSecond());
    }

    private static String quotient(Optional<Double> a, Optional<Double> b) {
        return a.isPresent() && b.isPresent() && b.get() > 0
                ? String.format(Locale.ROOT, "%.2f", a.get() / b.get()) : "";
    }

    /** One bar per server and shape: the median round. */
    static String chart(List<Measurement> rows) {
        List<Summary> summaries = summarize(rows);
        double max = summaries.stream().mapToDouble(Summary::requestsPerSecond).max().orElse(1);
        StringBuilder out = new StringBuilder();
        for (Summary s : summaries) {
            int width = (int) Math.round(50 * s.requestsPerSecond() / Math.max(max, 1));
            out.append(String.format(Locale.ROOT, "%-9s %-6s %-13s |%-50s| %8.0f%n", s.target(), s.app(), s.shape(),
                    "#".repeat(width), s.requestsPerSecond()));
        }
        return out.toString();
    }

    /** A horizontal bar chart of requests/s (median round), one bar per server and shape; samples blue, peers grey. */
    static String svg(List<Measurement> rows) {
        List<Summary> summaries = summarize(rows);
        double max = Math.max(1, summaries.stream().mapToDouble(Summary::requestsPerSecond).max().orElse(1));
        int barHeight = 18;
        int labelWidth = 230;
        int barWidth = 500;
        int height = 40 + summaries.size() * (barHeight + 6);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"12\">%n<text x=\"10\" y=\"20\" font-weight=\"bold\">requests/s "
                        + "(blue: sample with this SDK, grey: the framework's own JWT support, light grey: it memoized)</text>%n",
                labelWidth + barWidth + 90, height));
        int y = 34;
        for (Summary s : summaries) {
            double rps = s.requestsPerSecond();
            int width = (int) Math.round(barWidth * rps / max);
            out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s %s %s</text>%n", y + 13, s.target(),
                    s.app(), s.shape()));
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                    labelWidth, y, Math.max(width, 1), barHeight, "sample".equals(s.app()) ? "#3b6fd8" : "memoized".equals(s.app()) ? "#cccccc" : "#999999"));
            out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.0f</text>%n", labelWidth + width + 6,
                    y + 13, rps));
            y += barHeight + 6;
        }
        return out.append("</svg>\n").toString();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Optional<Summary> peerOf(List<Summary> summaries, Summary s) {
        return "sample".equals(s.app()) ? find(summaries, s.target(), "peer", s.shape()) : Optional.empty();
    }

    private static Optional<Summary> floorOf(List<Summary> summaries, Summary s) {
        return "public".equals(s.shape()) ? Optional.empty() : find(summaries, s.target(), s.app(), "public");
    }

    private static Optional<Summary> find(List<Summary> summaries, String target, String app, String shape) {
        return summaries.stream().filter(s -> s.target().equals(target) && s.app().equals(app) && s.shape().equals(shape))
                .findFirst();
    }
}
