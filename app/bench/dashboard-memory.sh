#!/usr/bin/env bash
# Memory of the console after a live dashboard over 3 servers (target ≤ 400 MB RSS). Usage:
#   [CONSOLE_JAVA_OPTS="-Xmx256m …"] app/bench/dashboard-memory.sh [minutes] [jobs|idle] [URL TOKEN URL TOKEN]
# With two servers' URL and token (app/bench/start-servers.sh 2 prints them) they are added as remote
# connections; without, two more engines run inside the console process.
# CONSOLE_JAVA_OPTS: JVM options (default: app/console.jvmopts, as the README launches the console).
# Prints RSS every 30 s. Runs under Xvfb unless DISPLAY is set. See docs/benchmarks.md.
source "$(dirname "$0")/bench-env.sh"
# shellcheck disable=SC2086
run_with_display "$JAVA" ${CONSOLE_JAVA_OPTS:-} -Dprism.order=sw --enable-native-access=ALL-UNNAMED -cp "$CP" \
    org.patientgen.console.bench.DashboardSoakBench "${1:-10}" "${2:-idle}" "${@:3}"
