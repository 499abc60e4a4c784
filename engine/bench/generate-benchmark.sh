#!/usr/bin/env bash
# Generation benchmark: N patients (default 100000) to FHIR NDJSON with 1 and 2 threads.
# Prints patients/s, FHIR resources/s, MB/s, CPU-seconds per 1,000 patients and peak RSS.
#
#   engine/bench/generate-benchmark.sh [N] [extra JVM options…]
#
# JVM options default to "-Xmx256m -XX:+UseSerialGC": the engine streams patients, so a small
# fixed heap is enough; without a limit the JVM sizes its heap from the machine's RAM and RSS
# reflects that choice rather than what the engine needs (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

population=${1:-100000}
shift || true
jvm_opts=("$@")
if [ ${#jvm_opts[@]} -eq 0 ]; then
  jvm_opts=(-Xmx256m -XX:+UseSerialGC)
fi
jar=${PATIENTGEN_JAR:-engine/target/patientgen.jar}
if [ ! -f "$jar" ]; then
  mvn -q -B -pl engine -am package -DskipTests
fi
if [ ! -x /usr/bin/time ]; then
  echo "generate-benchmark: needs GNU time at /usr/bin/time (Debian package 'time')" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'PatientGen generate benchmark: %s patients, fhir-ndjson, JVM options: %s\n' "$population" "${jvm_opts[*]}"
printf 'java: %s\n' "$(java -version 2>&1 | head -1)"
printf '%-8s %12s %14s %10s %16s %14s\n' threads patients/s resources/s MB/s cpu-s/1000pat peak-RSS-MB
for threads in 1 2; do
  out="$work/out-$threads"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time-$threads" \
    java "${jvm_opts[@]}" -jar "$jar" generate --population "$population" --seed 1 --state MA \
      --end-date 2025-06-30 --years-of-history 10 --format fhir-ndjson --threads "$threads" \
      --out "$out" > "$work/summary-$threads"
  read -r _wall user sys rss_kb < "$work/time-$threads"
  # the generator's own timing excludes JVM start-up and data loading
  elapsed=$(grep -o '"elapsedMillis" : [0-9]*' "$out/manifest.json" | grep -o '[0-9]*$')
  resources=$(awk '/^FHIR resources:/ { gsub(",", "", $3); print $3 }' "$work/summary-$threads")
  bytes=$(du -sb "$out/fhir" | cut -f1)
  awk -v n="$population" -v ms="$elapsed" -v r="$resources" -v b="$bytes" -v u="$user" -v s="$sys" \
      -v rss="$rss_kb" -v t="$threads" 'BEGIN {
    sec = ms / 1000
    printf "%-8d %12.0f %14.0f %10.1f %16.2f %14.0f\n", t, n / sec, r / sec, b / 1e6 / sec, (u + s) * 1000 / n, rss / 1024
  }'
  rm -rf "$out"
done
