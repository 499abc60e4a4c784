#!/usr/bin/env bash
# Dashboard redraw cost with 24 h of 1 s history per series (86,400 points). Usage:
#   app/bench/dashboard-redraw.sh [headless]
# Runs under Xvfb unless DISPLAY is set; "headless" uses Monocle. See docs/benchmarks.md.
source "$(dirname "$0")/bench-env.sh"
if [ "${1:-}" = headless ]; then
  "$JAVA" -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1000-32 \
      -cp "$CP" org.patientgen.console.dashboard.DashboardRedrawBench
else
  run_with_display "$JAVA" -Dprism.order=sw -cp "$CP" org.patientgen.console.dashboard.DashboardRedrawBench
fi
