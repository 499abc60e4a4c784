#!/usr/bin/env bash
# Starts N PatientGen servers on free loopback ports, each on its own data directory with an
# operator token (it may submit jobs), and prints "URL TOKEN" per server; Ctrl-C stops them. For
# the dashboard memory benchmark with remote servers (docs/benchmarks.md).
#   app/bench/start-servers.sh [count]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/engine/target/patientgen.jar"
[ -f "$JAR" ] || mvn -B -ntp -q -f "$ROOT/pom.xml" -pl engine package -DskipTests >&2
source "$(dirname "$0")/bench-env.sh" >/dev/null
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
for i in $(seq 1 "${1:-2}"); do
  dir="$(mktemp -d -t patientgen-server-XXXX)"
  token="$("$JAVA" -jar "$JAR" token create --data-dir "$dir" --role operator --name bench | tail -n 1)"
  "$JAVA" -jar "$JAR" serve --port 0 --data-dir "$dir" --workers 1 > "$dir/stdout" 2> "$dir/stderr" &
  pids+=("$!")
  until grep -q '^listening on ' "$dir/stdout" 2>/dev/null; do sleep 0.2; done
  echo "$(sed -n 's/^listening on //p' "$dir/stdout") $token"
done
wait
