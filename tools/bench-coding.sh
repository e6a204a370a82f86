#!/usr/bin/env bash
# Coding speed, dictionary load time, start-up time and peak memory of `herodotus`.
#
# Usage: tools/bench-coding.sh [PETRARCH_DIR] [REPEAT]
#   PETRARCH_DIR defaults to ../shared/data/petrarch2 from the repo root (the Phoenix
#   dictionaries; that run is skipped with a message when the directory is missing).
#   REPEAT (default 5) is the number of timed passes over the corpus per thread count.
#
# Runs `herodotus bench` on samples/bench/corpus.jsonl with the built-in dictionaries
# and with the Phoenix dictionaries (one thread, then all cores), then measures the
# start-up of `herodotus code` on a one-line input with /usr/bin/time -v (wall time,
# max RSS). Prints to stdout only; the temporary input is removed on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
petrarch="${1:-$root/../shared/data/petrarch2}"
repeat="${2:-5}"
cd "$root"

cargo build --release --quiet -p herodotus
bin="${CARGO_TARGET_DIR:-$root/target}/release/herodotus"

echo "== machine"
echo "cores: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $bin ($("$bin" --version))"

echo
echo "== herodotus bench (built-in dictionaries)"
"$bin" bench --repeat "$repeat"

have_petrarch=0
if [[ -f "$petrarch/PETR_config.ini" ]]; then
    have_petrarch=1
    echo
    echo "== herodotus bench --petrarch-dicts $petrarch (Phoenix)"
    # Dictionary warnings (bad dated codes in the Phoenix files) go to stderr; count them.
    warnings="$(mktemp)"
    trap 'rm -f "$warnings"' EXIT
    if "$bin" bench --petrarch-dicts "$petrarch" --repeat "$repeat" 2> "$warnings"; then
        echo "($(grep -c 'warning' "$warnings" || true) dictionary warnings on stderr)"
    else
        cat "$warnings" >&2
        echo "bench with $petrarch failed" >&2
    fi
else
    echo
    echo "== skipped: no PETRARCH dictionaries at $petrarch (pass the directory as first argument)"
fi

echo
echo "== start-up: /usr/bin/time -v $bin code <one-line input> (3 runs each)"
if [[ ! -x /usr/bin/time ]]; then
    echo "skipped: /usr/bin/time not installed (apt-get install time)"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work" ${warnings:+"$warnings"}' EXIT
echo "Officials said nothing happened on Monday." > "$work/one.txt"
startup() {
    local label="$1"
    shift
    for i in 1 2 3; do
        /usr/bin/time -v -o "$work/time.txt" "$bin" code "$@" "$work/one.txt" > /dev/null 2> "$work/stderr.txt" || {
            echo "$label: herodotus code failed:" >&2
            cat "$work/stderr.txt" >&2
            return 0
        }
        wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
        rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
        echo "$label run $i: wall $wall (m:ss), max RSS $((rss / 1024)) MiB"
    done
}
startup "built-in"
if [[ $have_petrarch == 1 ]]; then
    startup "Phoenix" --petrarch-dicts "$petrarch"
fi
