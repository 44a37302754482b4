#!/usr/bin/env bash
# HTTP benchmark (issue 17): each sample against its framework's own JWT support, under wrk.
# Usage: benchmarks/http/run.sh [--smoke] [--targets=spring,webflux,servlet,micronaut,quarkus] [--rounds=3] [--duration=10]
#        [--unique-duration=20] [--connections=50]
#        [--threads=2] [--warmup=10] [--unique-pool=200000] [--apps=sample,peer] [--out=DIR] [--java-opts="..."]
# Env: BENCH_BUILD=none to reuse existing jars. See benchmarks/README.md, "HTTP benchmarks".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

if ! command -v wrk >/dev/null 2>&1; then
  echo "[http-bench] installing wrk (Debian package)" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y wrk || { $sudo apt-get update && $sudo apt-get install -y wrk; }
fi

targets="spring,webflux,servlet,micronaut,quarkus"
smoke=false
for arg in "$@"; do
  case "$arg" in
    --targets=*) targets="${arg#--targets=}" ;;
    --smoke) smoke=true ;;
  esac
done
if $smoke && [[ " $* " != *" --targets="* ]]; then targets="servlet"; fi

if [ "${BENCH_BUILD:-all}" != "none" ]; then
  modules="benchmarks/http/harness"
  IFS=',' read -ra names <<<"$targets"
  for t in "${names[@]}"; do
    case "$t" in
      spring) modules="$modules,samples/spring-sample,benchmarks/http/peer-spring-mvc" ;;
      webflux) modules="$modules,samples/webflux-sample,benchmarks/http/peer-spring-webflux" ;;
      servlet) modules="$modules,samples/servlet-sample,benchmarks/http/peer-servlet" ;;
      micronaut) modules="$modules,samples/micronaut-sample,benchmarks/http/peer-micronaut" ;;
      quarkus) modules="$modules,samples/quarkus-sample,quarkus-extension/deployment,benchmarks/http/peer-quarkus" ;;
      *) echo "unknown target $t" >&2; exit 2 ;;
    esac
  done
  ./mvnw -B -q -pl "$modules" -am package -DskipTests
fi

out_default="benchmarks/http/results"
$smoke && out_default="benchmarks/http/harness/target/smoke-results"
extra=()
[[ " $* " == *" --out="* ]] || extra+=("--out=$out_default")
[[ " $* " == *" --targets="* ]] || extra+=("--targets=$targets")
exec java -jar benchmarks/http/harness/target/http-benchmark.jar --root="$root" "${extra[@]}" "$@"
