#!/usr/bin/env python3
"""Turns the benchmark suite's JMH JSON into a Markdown results table and SVG charts.

Usage: python3 chart.py [results-dir]   (default: benchmarks/results)

Reads   token-validation.json, signature-provider.json (JMH -rf json, with -prof gc and
        CpuTimeProfiler), interleaved-*.json (InterleavedComparison) and
        cache-footprint.json (CacheFootprint) when present.
Writes  results.md        tables: ops/s per library, ratio to this SDK, bytes allocated per op; targets
        chart.svg         token validation throughput, log scale, one panel per algorithm and traffic
        signatures.svg    raw signature verification per provider (from the interleaved run when present,
                          which holds up under background load; else from JMH)

Python 3 standard library only.
"""

import json
import math
import os
import sys
from html import escape

LIBRARIES = [
    ("logtoCached", "this SDK (cache on)"),
    ("logtoUncached", "this SDK (cache off)"),
    ("springNimbusJwtDecoder", "Spring Security NimbusJwtDecoder"),
    ("nimbusDefaultJwtProcessor", "Nimbus DefaultJWTProcessor"),
    ("smallryeJwt", "SmallRye JWT"),
    ("jose4j", "jose4j JwtConsumer"),
    ("auth0", "auth0 java-jwt"),
]
LABEL = dict(LIBRARIES)
COLORS = {
    "logtoCached": "#5d34f2",
    "logtoUncached": "#a48bff",
    "springNimbusJwtDecoder": "#6db33f",
    "nimbusDefaultJwtProcessor": "#2f7d95",
    "smallryeJwt": "#e0a100",
    "jose4j": "#c2410c",
    "auth0": "#64748b",
}
ALGS = ["ES384", "ES256", "RS256"]
TRAFFIC = ["repeated", "unique"]
SDK = "logtoCached"
BASELINE = "springNimbusJwtDecoder"

TARGETS = [
    # (description, traffic, alg, minimum ratio SDK / Spring)
    ("repeated traffic, ES384: at least 300x Spring's NimbusJwtDecoder", "repeated", "ES384", 300.0),
    ("unique traffic, ES384: at least 3x Spring's NimbusJwtDecoder", "unique", "ES384", 3.0),
    ("unique traffic, RS256: at least 1.0x Spring's NimbusJwtDecoder", "unique", "RS256", 1.0),
]


def load(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.strip():
        return None  # JMH writes the file only when the run ends
    return json.loads(text)


def secondary(entry, name):
    for key, metric in (entry.get("secondaryMetrics") or {}).items():
        if key.lstrip("\u00b7") == name:
            return metric.get("score")
    return None


def index(entries, keys):
    result = {}
    for e in entries or []:
        p = e["params"]
        pm = e["primaryMetric"]
        result[tuple(p[k] for k in keys)] = {
            "score": pm["score"],
            "error": pm.get("scoreError"),
            "unit": pm["scoreUnit"],
            "alloc": secondary(e, "gc.alloc.rate.norm"),
            "cpu_ns": secondary(e, "cpu.time.norm"),
            "cpu_util": secondary(e, "cpu.utilization"),
        }
    return result


def cpu_ops(r):
    """Operations per CPU-second of the benchmark JVM, or None without CpuTimeProfiler data."""
    ns = r.get("cpu_ns") if r else None
    if ns is None or not isinstance(ns, (int, float)) or math.isnan(ns) or ns <= 0:
        return None
    return 1e9 / ns


def fmt_ops(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:,.1f}"
    return f"{v:,.2f}"


def fmt_err(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return " ± " + fmt_ops(v)


def fmt_bytes(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if v >= 10 * 1024:
        return f"{v / 1024:,.0f} KB"
    return f"{v:,.0f} B"


def fmt_ratio(v):
    if v is None:
        return "n/a"
    if v >= 100:
        return f"{v:,.0f}x"
    if v >= 10:
        return f"{v:,.1f}x"
    return f"{v:,.2f}x"


def token_tables(tv):
    out = []
    for traffic in TRAFFIC:
        for alg in ALGS:
            sdk = tv.get((SDK, alg, traffic))
            if not sdk:
                continue
            out.append(f"### {alg}, {traffic} traffic\n")
            out.append("| library | ops/s (wall clock) | this SDK is faster by | ops per CPU-second | this SDK is faster by (CPU) "
                       "| CPU share obtained | allocated per op |")
            out.append("|---|---:|---:|---:|---:|---:|---:|")
            for lib, label in LIBRARIES:
                r = tv.get((lib, alg, traffic))
                if not r:
                    continue
                speedup = sdk["score"] / r["score"]
                c, csdk = cpu_ops(r), cpu_ops(sdk)
                cpu_speedup = fmt_ratio(csdk / c) if c and csdk else "n/a"
                util = f"{r['cpu_util']:.2f}" if r.get("cpu_util") is not None else "n/a"
                name = f"**{label}**" if lib == SDK else label
                out.append(f"| {name} | {fmt_ops(r['score'])}{fmt_err(r['error'])} | {fmt_ratio(speedup)} | "
                           f"{fmt_ops(c)} | {cpu_speedup} | {util} | {fmt_bytes(r['alloc'])} |")
            out.append("")
    return out


def summary_table(tv, metric):
    out = ["| library | " + " | ".join(f"{a} {t}" for t in TRAFFIC for a in ALGS) + " |",
           "|---|" + "---:|" * (len(TRAFFIC) * len(ALGS))]
    for lib, label in LIBRARIES:
        cells = []
        for traffic in TRAFFIC:
            for alg in ALGS:
                r = tv.get((lib, alg, traffic))
                cells.append(fmt_ops(metric(r)) if r else "n/a")
        name = f"**{label}**" if lib == SDK else label
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


def targets(tv, footprint, results):
    out = ["| target | JMH, wall clock | JMH, JVM CPU time | interleaved, thread CPU time | met |",
           "|---|---:|---:|---:|:---:|"]
    for text, traffic, alg, minimum in TARGETS:
        sdk = tv.get((SDK, alg, traffic))
        base = tv.get((BASELINE, alg, traffic))
        if not sdk or not base:
            out.append(f"| {text} | n/a | n/a | n/a | ? |")
            continue
        ratio = sdk["score"] / base["score"]
        c, cb = cpu_ops(sdk), cpu_ops(base)
        cpu_ratio = c / cb if c and cb else None
        inter = interleaved_ratio(results, alg) if traffic == "unique" else None
        measured = [r for r in (ratio, cpu_ratio, inter) if r is not None]
        met = all(r >= minimum for r in measured)
        either = any(r >= minimum for r in measured)
        verdict = "yes" if met else ("partly" if either else "**no**")
        out.append(f"| {text} | {fmt_ratio(ratio)} | {fmt_ratio(cpu_ratio)} | "
                   f"{fmt_ratio(inter) if inter else ('' if traffic == 'repeated' else 'n/a')} | {verdict} |")
    hit = tv.get((SDK, "ES384", "repeated"))
    if hit and hit["alloc"] is not None:
        out.append(f"| cache hit allocates under 1 KB (JMH -prof gc, ES384 repeated) | {fmt_bytes(hit['alloc'])} | | "
                   f"| {'yes' if hit['alloc'] < 1024 else '**no**'} |")
    if footprint:
        a = footprint.get("allocatedBytesPerCacheHit")
        r = footprint.get("retainedBytesPerCachedToken")
        out.append(f"| cache hit allocates under 1 KB (CacheFootprint, thread allocation counter) | {fmt_bytes(a)} | | "
                   f"| {'yes' if a is not None and a < 1024 else '**no**'} |")
        out.append(f"| under 2 KB retained per cached token (CacheFootprint, heap delta / {footprint.get('tokens')}) "
                   f"| {fmt_bytes(r)} | | | {'yes' if r is not None and r < 2048 else '**no**'} |")
    return out


def signature_table(sp):
    algs = []
    providers = []
    for (alg, provider) in sp:
        if alg not in algs:
            algs.append(alg)
        if provider not in providers:
            providers.append(provider)
    order = ["JDK", "BC", "BC_NATIVE_KEY", "BC_LIGHTWEIGHT"]
    providers.sort(key=lambda p: order.index(p) if p in order else 99)
    out = ["| algorithm | provider | verifications/s (wall clock) | vs JDK | CPU µs per verification | vs JDK (CPU) "
           "| allocated per op |",
           "|---|---|---:|---:|---:|---:|---:|"]
    for alg in algs:
        jdk = sp.get((alg, "JDK"))
        for provider in providers:
            r = sp.get((alg, provider))
            if not r:
                continue
            ratio = fmt_ratio(r["score"] / jdk["score"]) if jdk else "n/a"
            c, cj = cpu_ops(r), cpu_ops(jdk) if jdk else None
            us = f"{1e6 / c:,.0f}" if c else "n/a"
            cpu_ratio = fmt_ratio(c / cj) if c and cj else "n/a"
            out.append(f"| {alg} | {provider} | {fmt_ops(r['score'])}{fmt_err(r['error'])} | {ratio} | {us} | {cpu_ratio} "
                       f"| {fmt_bytes(r['alloc'])} |")
    return out


def pick_metric(results):
    """CPU-normalized throughput when every result has it (robust on a shared machine), else wall clock."""
    if results and all(cpu_ops(r) for r in results.values()):
        return cpu_ops, "operations per CPU-second of the benchmark JVM"
    return (lambda r: r["score"]), "operations per second (wall clock)"


def token_chart(tv, path):
    panels = [(t, a) for t in TRAFFIC for a in ALGS if tv.get((SDK, a, t))]
    if not panels:
        return
    metric, unit = pick_metric(tv)
    values = [metric(r) for r in tv.values() if metric(r)]
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    label_w, plot_w, bar_h, gap, panel_gap, top = 250, 560, 16, 4, 46, 70
    panel_h = len(LIBRARIES) * (bar_h + gap)
    height = top + len(panels) * (panel_h + panel_gap) + 40
    width = label_w + plot_w + 150

    def x(v):
        return label_w + plot_w * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'font-family="Helvetica, Arial, sans-serif" font-size="12">',
         f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
         f'<text x="16" y="28" font-size="17" font-weight="bold">Logto access token validation, '
         f'one thread (higher is better, log scale)</text>',
         f'<text x="16" y="48" fill="#475569">{unit}; in brackets: how many times faster this SDK '
         f'(cache on) is, same run</text>']
    y = top
    for traffic, alg in panels:
        sdk = metric(tv[(SDK, alg, traffic)])
        s.append(f'<text x="16" y="{y + 4}" font-size="14" font-weight="bold">{alg}, {traffic} traffic</text>')
        y += 12
        decade = lo
        while decade <= hi:
            gx = x(decade)
            s.append(f'<line x1="{gx:.1f}" y1="{y}" x2="{gx:.1f}" y2="{y + panel_h}" stroke="#e2e8f0"/>')
            s.append(f'<text x="{gx:.1f}" y="{y + panel_h + 12}" text-anchor="middle" fill="#64748b" '
                     f'font-size="10">{fmt_ops(decade)}</text>')
            decade *= 10
        for i, (lib, label) in enumerate(LIBRARIES):
            r = tv.get((lib, alg, traffic))
            by = y + i * (bar_h + gap)
            s.append(f'<text x="{label_w - 8}" y="{by + bar_h - 4}" text-anchor="end">{escape(label)}</text>')
            if not r:
                continue
            w = max(1.0, x(metric(r)) - label_w)
            s.append(f'<rect x="{label_w}" y="{by}" width="{w:.1f}" height="{bar_h}" fill="{COLORS[lib]}"/>')
            note = fmt_ops(metric(r)) + ("" if lib == SDK else f"  ({fmt_ratio(sdk / metric(r))})")
            s.append(f'<text x="{label_w + w + 5:.1f}" y="{by + bar_h - 4}" fill="#0f172a">{note}</text>')
        y += panel_h + panel_gap
    s.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(s) + "\n")


def signature_chart(sp, path, source):
    if not sp:
        return
    order = ["ES384", "ES256", "RS256", "RS256_2048", "EdDSA", "JDK", "BC", "BC_NATIVE_KEY", "BC_LIGHTWEIGHT"]
    rows = sorted(sp.items(), key=lambda kv: tuple(order.index(k) if k in order else 99 for k in kv[0]))
    metric, unit = pick_metric(sp)
    values = [metric(r) for _, r in rows if metric(r)]
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    label_w, plot_w, bar_h, gap, top = 200, 520, 16, 4, 60
    colors = {"JDK": "#64748b", "BC": "#a48bff", "BC_NATIVE_KEY": "#5d34f2", "BC_LIGHTWEIGHT": "#2f7d95"}
    height = top + len(rows) * (bar_h + gap) + 40
    width = label_w + plot_w + 120

    def x(v):
        return label_w + plot_w * (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
         f'font-family="Helvetica, Arial, sans-serif" font-size="12">',
         f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
         '<text x="16" y="28" font-size="17" font-weight="bold">Signature verification: JDK vs Bouncy Castle</text>',
         f'<text x="16" y="46" fill="#475569">{unit} ({source}), one thread, log scale (higher is better)</text>']
    y = top
    decade = lo
    while decade <= hi:
        gx = x(decade)
        s.append(f'<line x1="{gx:.1f}" y1="{y}" x2="{gx:.1f}" y2="{height - 36}" stroke="#e2e8f0"/>')
        s.append(f'<text x="{gx:.1f}" y="{height - 24}" text-anchor="middle" fill="#64748b" '
                 f'font-size="10">{fmt_ops(decade)}</text>')
        decade *= 10
    for (alg, provider), r in rows:
        s.append(f'<text x="{label_w - 8}" y="{y + bar_h - 4}" text-anchor="end">{escape(alg)} {escape(provider)}</text>')
        w = max(1.0, x(metric(r)) - label_w)
        s.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                 f'fill="{colors.get(provider, "#94a3b8")}"/>')
        s.append(f'<text x="{label_w + w + 5:.1f}" y="{y + bar_h - 4}">{fmt_ops(metric(r))}</text>')
        y += bar_h + gap
    s.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(s) + "\n")


INTERLEAVED_LABEL = dict(LIBRARIES)


def interleaved_section(results):
    out = []
    for mode, reference in (("signatures", "JDK"), ("libraries", "springNimbusJwtDecoder")):
        for alg in ["ES384", "ES256", "RS256"]:
            data = load(os.path.join(results, f"interleaved-{mode}-{alg}.json"))
            if not data:
                continue
            ref = next((v for v in data["variants"] if v["name"] == reference), None)
            if not out:
                out += ["## Interleaved cross-check (robust to background load)", "",
                        "Every variant runs in one JVM in alternating 300 ms slices, 15 rounds; the value is the median",
                        "CPU time of the benchmark thread per operation (garbage collection threads not included).", ""]
            title = "signature verification" if mode == "signatures" else "token validation, unique traffic"
            out += [f"### {alg}, {title}", "",
                    f"| variant | CPU µs per op (median) | quartiles | faster than {INTERLEAVED_LABEL.get(reference, reference)} by |",
                    "|---|---:|---:|---:|"]
            for v in data["variants"]:
                name = INTERLEAVED_LABEL.get(v["name"], v["name"])
                ratio = fmt_ratio(ref["cpuNanosPerOp"] / v["cpuNanosPerOp"]) if ref else "n/a"
                out.append(f"| {name} | {v['cpuNanosPerOp'] / 1e3:,.1f} | {v['q1'] / 1e3:,.1f} to {v['q3'] / 1e3:,.1f} "
                           f"| {ratio} |")
            out.append("")
    return out


def interleaved_ratio(results, alg):
    """This SDK as configured by default (cache on; older runs: cache off) against Spring, interleaved run."""
    data = load(os.path.join(results, f"interleaved-libraries-{alg}.json"))
    if not data:
        return None
    by = {v["name"]: v["cpuNanosPerOp"] for v in data["variants"]}
    sdk = by.get(SDK, by.get("logtoUncached"))
    if sdk and BASELINE in by:
        return by[BASELINE] / sdk
    return None


def main():
    results = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "results")
    tv = index(load(os.path.join(results, "token-validation.json")), ["library", "alg", "traffic"])
    sp = index(load(os.path.join(results, "signature-provider.json")), ["alg", "provider"])
    footprint = load(os.path.join(results, "cache-footprint.json"))

    md = ["# Benchmark results", "",
          "Generated by `chart.py` from the JMH JSON in this folder. Throughput is operations per second on one",
          "thread; errors are JMH's 99.9% confidence intervals. Compare ratios within one run: absolute numbers",
          "depend on the machine and its load (see machine.txt).", ""]
    if tv:
        md += ["## Targets", ""] + targets(tv, footprint, results) + [""]
        md += ["## Token validation: summary, operations per second (wall clock)", ""]
        md += summary_table(tv, lambda r: r["score"]) + [""]
        if any(cpu_ops(r) for r in tv.values()):
            md += ["## Token validation: summary, operations per CPU-second of the benchmark JVM", ""]
            md += summary_table(tv, cpu_ops) + [""]
        md += ["## Token validation: per algorithm and traffic", ""] + token_tables(tv)
        token_chart(tv, os.path.join(results, "chart.svg"))
    if sp:
        md += ["## Signature verification: JDK vs Bouncy Castle", ""] + signature_table(sp) + [""]
    interleaved_sp = {}
    for alg in ["ES384", "ES256", "RS256"]:
        data = load(os.path.join(results, f"interleaved-signatures-{alg}.json"))
        for v in (data or {}).get("variants", []):
            interleaved_sp[(alg, v["name"])] = {"score": 1e9 / v["cpuNanosPerOp"], "cpu_ns": v["cpuNanosPerOp"]}
    if interleaved_sp or sp:
        signature_chart(interleaved_sp or sp, os.path.join(results, "signatures.svg"),
                        "interleaved in one JVM, thread CPU time" if interleaved_sp else "JMH")
    md += interleaved_section(results)
    if footprint:
        md += ["## Verified-token cache footprint", "",
               "| measurement | value |", "|---|---:|",
               f"| heap retained per cached token ({footprint['tokens']} tokens, {footprint['alg']}) "
               f"| {fmt_bytes(footprint['retainedBytesPerCachedToken'])} |",
               f"| control: heap retained per token with the cache off "
               f"| {fmt_bytes(footprint['retainedBytesPerTokenWithCacheOff'])} |",
               f"| allocated per cache hit | {fmt_bytes(footprint['allocatedBytesPerCacheHit'])} |",
               f"| allocated per verification with the cache off "
               f"| {fmt_bytes(footprint['allocatedBytesPerUncachedVerification'])} |", ""]
    with open(os.path.join(results, "results.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    print("\n".join(md))


if __name__ == "__main__":
    main()
