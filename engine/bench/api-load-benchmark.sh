#!/usr/bin/env bash
# HTTP API load: starts a local server (`patientgen serve`, embedded H2 by default, no workers so
# submitted jobs just queue), creates an operator token, and fires a bounded number of requests at
# GET /api/v1/jobs and POST /api/v1/jobs, first at a fixed rate, then flat out. Prints requests/s
# achieved, p50/p95/p99/max latency (from each request's due time at the fixed rate: no coordinated
# omission) and errors. See docs/benchmarks.md.
#
#   engine/bench/api-load-benchmark.sh [--requests N] [--rate R] [--concurrency C] [--senders S]
#                                      [--warmup N] [--db-url JDBC_URL --db-user U --db-password-file F]
#
# Defaults: 20000 requests per run, 500 req/s, 16 connections flat out, 3000 warm-up requests of each
# kind. The server runs from engine/target/patientgen.jar (built if missing) with SERVER_JVM_OPTS
# (default -Xmx512m); the rate limit is raised to 16,000/s, near the most a server accepts. The load generator
# (ApiLoadBenchmark, engine test classes) runs through Maven's exec plugin on the build's JDK.
set -euo pipefail
cd "$(dirname "$0")/../.."

bench_args=()
serve_db=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db-url|--db-user|--db-password-file) serve_db+=("$1" "$2"); shift 2 ;;
    --requests|--rate|--concurrency|--senders|--warmup) bench_args+=("$1" "$2"); shift 2 ;;
    *) echo "api-load-benchmark: unknown option $1 (see the header of this script)" >&2; exit 2 ;;
  esac
done

jar=${PATIENTGEN_JAR:-engine/target/patientgen.jar}
if [ ! -f "$jar" ]; then
  mvn -q -B -ntp -pl engine -am package -DskipTests
fi
read -r -a server_jvm <<< "${SERVER_JVM_OPTS:--Xmx512m}"

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# With H2 a token must exist before the server opens the database (one process per database file).
java -jar "$jar" token create --data-dir "$work/data" "${serve_db[@]}" --role operator --name bench \
  | tail -n 1 > "$work/token"

java "${server_jvm[@]}" -jar "$jar" serve --port 0 --data-dir "$work/data" "${serve_db[@]}" --workers 0 \
  --rate-limit 16000 --rate-burst 16000 > "$work/server.out" 2> "$work/server.log" &
server_pid=$!
url=
for _ in $(seq 1 300); do
  url=$(sed -n 's/^listening on //p' "$work/server.out")
  [ -n "$url" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "api-load-benchmark: the server did not start:" >&2
    tail -n 20 "$work/server.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "api-load-benchmark: the server did not print 'listening on' within 30 s" >&2
  exit 1
fi

# Other processes on the machine compete for its cores: the load average is printed before and after.
printf 'machine: %s cores, %s; load average %s; server: %s %s\n' "$(nproc)" \
  "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(java -version 2>&1 | head -1)" "${server_jvm[*]}"
mvn -q -B -ntp -Dstyle.color=never -Dpatientgen.exec.skip=false -pl engine test-compile exec:exec -Dexec.executable=java \
  -Dexec.classpathScope=test \
  -Dexec.args="-Xmx512m -classpath %classpath org.patientgen.engine.bench.ApiLoadBenchmark --url $url --token-file $work/token ${bench_args[*]:-}"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
