#!/usr/bin/env bash
# The whole suite N times in a row beside a CPU hog (one busy process: with the suite's two workers the
# load average is about 3 on 2 cores), to catch tests that fail by chance on a busy machine.
#   bench/under_load.sh [N=3] [make target=test]
# Prints each run's wall time and result, and the load average at its end; exits 1 if any run failed.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
target="${2:-test}"
python3 -c 'while True: pass' &
hog=$!
trap 'kill $hog 2>/dev/null' EXIT
failed=0
for i in $(seq 1 "$runs"); do
    log="build/under-load-$i.log"
    mkdir -p build
    start=$(date +%s)
    if make "$target" >"$log" 2>&1; then result=passed; else result=FAILED; failed=1; fi
    end=$(date +%s)
    summary="$(grep -E '^=+ .*(passed|failed).* in ' "$log" | tail -1 | tr -d '=' | xargs)"
    echo "run $i: make $target $result in $((end - start)) s (pytest: ${summary:-none}; $(grep -E '^e2e: [0-9]+ passed' "$log" | tail -1)); load average $(cut -d' ' -f1-3 /proc/loadavg); log $log"
done
exit "$failed"
