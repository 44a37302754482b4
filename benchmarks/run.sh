#!/usr/bin/env bash
# Runs the whole benchmark suite with one command and writes everything to benchmarks/results/:
#   token-validation.json/.txt   TokenValidationBenchmark (7 libraries x 3 algorithms x 2 traffic shapes, -prof gc)
#   signature-provider.json/.txt SignatureProviderBenchmark (JDK vs Bouncy Castle, -prof gc)
#   interleaved-*.json           InterleavedComparison: the same comparisons, alternating in one JVM
#   cache-footprint.json         CacheFootprint (bytes retained per cached token, allocated per cache hit)
#   machine.txt                  CPU, memory, JVM and load average before and after
#   results.md, chart.svg, signatures.svg  made by chart.py from the above
# About 30 minutes on 2 cores (plus about 6 minutes the first time, to sign the token pools).
#
# Environment:
#   BENCH_BUILD=reactor|module|none  how to build benchmarks.jar first (default reactor: the working
#                                    tree's validator-core and benchmarks; module: benchmarks only, the
#                                    core from ~/.m2; none: use the existing jar)
#   BENCH_RESULTS=dir                where to write results (default benchmarks/results)
#   BENCH_TOKENS_DIR=dir             where the signed token pools are kept (default benchmarks/target/token-pools)
#   BENCH_JMH_ARGS="..."             extra JMH arguments for both JMH runs, e.g. "-f 3" on a quiet machine
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
RESULTS=${BENCH_RESULTS:-$HERE/results}
TOKENS=${BENCH_TOKENS_DIR:-$HERE/target/token-pools}
JAR=$HERE/target/benchmarks.jar
EXTRA=${BENCH_JMH_ARGS:-}

case "${BENCH_BUILD:-reactor}" in
  reactor) (cd .. && ./mvnw -B -q -pl benchmarks -am package -DskipTests) ;;
  module)  (cd .. && ./mvnw -B -q -f benchmarks/pom.xml package -DskipTests) ;;
  none)    [ -f "$JAR" ] || { echo "no $JAR: build it or set BENCH_BUILD=module" >&2; exit 1; } ;;
  *)       echo "BENCH_BUILD must be reactor, module or none" >&2; exit 1 ;;
esac
mkdir -p "$RESULTS" "$TOKENS"

machine() {
  echo "== $1: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
{
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') x $(nproc) cores"
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "os: $(uname -sr)"
  java -version 2>&1 | sed 's/^/jvm: /'
  machine start
} > "$RESULTS/machine.txt"

java -Dbench.tokens.dir="$TOKENS" -cp "$JAR" io.logto.resource.benchmarks.PrepareTokens

# shellcheck disable=SC2086
java -jar "$JAR" TokenValidationBenchmark -prof gc -prof io.logto.resource.benchmarks.CpuTimeProfiler -rf json -rff "$RESULTS/token-validation.json" \
  -jvmArgsPrepend "-Dbench.tokens.dir=$TOKENS" $EXTRA | tee "$RESULTS/token-validation.txt"
machine "after TokenValidationBenchmark" >> "$RESULTS/machine.txt"

# shellcheck disable=SC2086
java -jar "$JAR" SignatureProviderBenchmark \
  -prof gc -prof io.logto.resource.benchmarks.CpuTimeProfiler -rf json -rff "$RESULTS/signature-provider.json" \
  -jvmArgsPrepend "-Dbench.tokens.dir=$TOKENS" $EXTRA | tee "$RESULTS/signature-provider.txt"
machine "after SignatureProviderBenchmark" >> "$RESULTS/machine.txt"

# cross-check that holds up under background load: alternating slices in one JVM, thread CPU time per op
for alg in ES384 ES256 RS256; do
  java -Xms1g -Xmx1g -Dbench.tokens.dir="$TOKENS" -cp "$JAR" io.logto.resource.benchmarks.InterleavedComparison \
    signatures "$alg" "$RESULTS/interleaved-signatures-$alg.json"
  java -Xms1g -Xmx1g -Dbench.tokens.dir="$TOKENS" -cp "$JAR" io.logto.resource.benchmarks.InterleavedComparison \
    libraries "$alg" "$RESULTS/interleaved-libraries-$alg.json"
done
machine "after InterleavedComparison" >> "$RESULTS/machine.txt"

java -XX:+UseSerialGC -Xmx1g -Dbench.tokens.dir="$TOKENS" -cp "$JAR" \
  io.logto.resource.benchmarks.CacheFootprint 10000 ES384 "$RESULTS/cache-footprint.json"
machine end >> "$RESULTS/machine.txt"

python3 chart.py "$RESULTS"
echo "Results: $RESULTS/results.md and $RESULTS/chart.svg"
