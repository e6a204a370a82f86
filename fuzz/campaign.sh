#!/usr/bin/env bash
# One fuzzing campaign: `bash fuzz/campaign.sh TARGET SECONDS [RUNS]`.
# Stops at RUNS executions (default 10 million) or SECONDS, whichever comes first,
# at the lowest priority, with memory and per-input time limits; the corpus grows
# in fuzz/corpus/TARGET, the log (with libFuzzer's final stats) is
# fuzz/logs/TARGET.log and any crash input lands in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
t="$1" secs="$2" runs="${3:-10000000}"
dir="${HERODOTUS_FUZZ_TARGET_DIR:-/work/target-fuzz}"
mkdir -p "corpus/$t" logs
start=$(date +%s)
set +e
CARGO_NET_OFFLINE=true nice -n 19 cargo +nightly fuzz run --target-dir "$dir" "$t" "corpus/$t" "seeds/$t" -- \
    -runs="$runs" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 >"logs/$t.log" 2>&1
rc=$?
set -e
end=$(date +%s)
# CPU seconds of the fuzzer (user + system of finished children): on a shared machine
# a niced campaign gets only part of a core, so wall time alone overstates it.
times >"logs/$t.times"  # in this shell: a $(...) subshell has no finished children
cpu=$(tail -1 "logs/$t.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
echo "target=$t rc=$rc wall=$((end - start))s cpu=${cpu}s corpus=$(ls "corpus/$t" | wc -l) artifacts=$(ls "artifacts/$t" 2>/dev/null | wc -l)"
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb|new_units_added)' "logs/$t.log" || true
exit $rc
