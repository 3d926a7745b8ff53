#!/usr/bin/env bash
# The large-CSV import through the assembled distribution, in a fixed heap: generates ROWS
# one-minute OHLCV bars (epoch seconds, about 40 bytes a row: 5M rows is ~200 MB), imports them
# with TIDELINE_JAVA_OPTS=-XmxHEAP and prints the import's own summary, the wall time, rows/s and
# the peak resident memory of the Tideline process (VmHWM from /proc/PID/status, Linux).
# Not a test: nothing is asserted about speed. Usage:
#   bench/import-memory.sh [ROWS (5000000)] [HEAP (256m)]
# Needs the distribution: mvn -B -o -q install -DskipTests -pl product -am
set -euo pipefail
rows=${1:-5000000}
heap=${2:-256m}
repo=$(cd "$(dirname "$0")/.." && pwd)
dist=$repo/product/target/tideline-dist/tideline
if [ ! -x "$dist/tideline" ]; then
  echo "no distribution at $dist; build it: mvn -B -o -q install -DskipTests -pl product -am" >&2
  exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/tideline-import-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

awk -v n="$rows" 'BEGIN {
  print "time,open,high,low,close,volume"
  for (i = 0; i < n; i++) {
    c = 100 + (i % 1000) / 100
    printf "%d,%.2f,%.2f,%.2f,%.2f,%d\n", 1577836800 + i * 60, c - 0.05, c + 0.25, c - 0.25, c, i % 97 + 1
  }
}' > "$work/bars.csv"
echo "file: $rows rows, $(du -m "$work/bars.csv" | cut -f1) MB; heap -Xmx$heap"

# First start loads the sample workspace; do that before measuring the import.
"$dist/tideline" --headless --data-dir "$work/data" status > /dev/null

start=$(date +%s.%N)
TIDELINE_JAVA_OPTS="-Xmx$heap" "$dist/tideline" --headless --data-dir "$work/data" \
  import "$work/bars.csv" --series csv:bench > "$work/out.txt" 2> "$work/err.txt" &
pid=$!
peak=0
while kill -0 "$pid" 2> /dev/null; do
  # The launcher execs java, so $pid is the JVM; VmHWM only grows, the last reading is the peak.
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || true)
  [ -n "$hwm" ] && peak=$hwm
  sleep 0.2
done
set +e
wait "$pid"
code=$?
set -e
end=$(date +%s.%N)
cat "$work/out.txt"
tr '\r' '\n' < "$work/err.txt" | grep -v '^ *reading ' | grep -v '^$' || true
awk -v r="$rows" -v s="$start" -v e="$end" -v p="$peak" -v c="$code" 'BEGIN {
  printf "exit %d; %.1f s wall (framework start included); %.0f rows/s; peak RSS %.0f MB\n", c, e - s, r / (e - s), p / 1024
}'
exit "$code"
