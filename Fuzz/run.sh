#!/usr/bin/env bash
# Builds Haven's fuzz targets with libFuzzer and AddressSanitizer (into .build-fuzz/, apart from the main build) and
# runs each for SECONDS (default 30) from its seed corpus in Fuzz/corpus/<target>. Prints executions per second and
# ends non-zero if any target finds a crash; a crash's input is kept as Fuzz/crashes/<target>-*.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
targets=(FuzzMarkup FuzzIngest FuzzDrafts FuzzVault)
swift build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xswiftc -use-ld=lld 2>&1 | grep -vE "Cannot export|unhandled; explicitly declare" || true
mkdir -p crashes
status=0
for target in "${targets[@]}"; do
  work=$(mktemp -d /tmp/haven-fuzz-corpus.XXXXXX)
  cp corpus/"$target"/* "$work"/
  log=$(mktemp /tmp/haven-fuzz-log.XXXXXX)
  if ../.build-fuzz/release/"$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
       -artifact_prefix=crashes/"$target"- -print_final_stats=1 "$work" >"$log" 2>&1; then
    result=ok
  else
    result=FOUND
    status=1
    tail -n 40 "$log"
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  rate=$(grep -oE 'exec/s: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  coverage=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  echo "fuzz $target: $result — $runs runs in ${seconds}s ($rate exec/s), coverage $coverage edges"
  rm -rf "$work" "$log"
done
exit "$status"
