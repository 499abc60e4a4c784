#!/usr/bin/env bash
# Cold start of the console to an interactive window (target ≤ 3 s). Usage:
#   [CONSOLE_JAVA_OPTS="…"] app/bench/cold-start.sh [runs] [headless]
# Runs under Xvfb (apt-get install -y xvfb xauth libgtk-3-0) unless DISPLAY is set; "headless" uses
# Monocle instead of a display. See docs/benchmarks.md.
source "$(dirname "$0")/bench-env.sh"
if [ "${2:-}" = headless ]; then
  "$JAVA" -cp "$CP" org.patientgen.console.bench.ColdStartBench "${1:-5}" headless
else
  run_with_display "$JAVA" -cp "$CP" org.patientgen.console.bench.ColdStartBench "${1:-5}"
fi
