# Sourced by the benchmark scripts: builds the console and its test classes, and sets JAVA (a JDK
# 21+, as the build's toolchain uses) and CP (the console's test classpath).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# One reactor build, so the engine on the classpath is this checkout's (engine/target/classes).
mvn -B -ntp -q -pl app -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >&2
# The console's JVM options, as the README launches it; CONSOLE_JAVA_OPTS="" runs without them.
CONSOLE_JAVA_OPTS="${CONSOLE_JAVA_OPTS-@$ROOT/app/console.jvmopts}"
export CONSOLE_JAVA_OPTS
CP="$ROOT/app/target/test-classes:$ROOT/app/target/classes:$(cat "$ROOT/app/target/bench-classpath.txt")"
JAVA="${JAVA:-}"
if [ -z "$JAVA" ]; then
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -x "$home/bin/java" ] && "$home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      JAVA="$home/bin/java"
      break
    fi
  done
fi
if [ -z "$JAVA" ]; then
  echo "no JDK 21 or newer found: set JAVA to its java binary" >&2
  exit 2
fi
# A real (virtual) display when there is none: xvfb-run from the xvfb package.
run_with_display() {
  if [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run >/dev/null; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
  fi
}
