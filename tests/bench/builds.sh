#!/usr/bin/env bash
# Two builds of Teller side by side: `tellerctl bench` (uniform withdrawals, the core's
# ActionExecutor as the window uses it) of each build, each on a fresh server of its own
# started by that build's tellerctl (so each runs against the schema it was written for;
# durable settings), the builds alternating, ROUNDS rounds.
#   [ROUNDS=3] [SCENARIO=uniform] tests/bench/builds.sh BUILD_A BUILD_B [SECONDS] [CLIENT COUNTS...]
#   default: 8 s, 1 and 8 clients
# e.g. the pool-safe DbSession against the commit before it:
#   mkdir -p build-f93dedb/src && git archive f93dedb | tar -x -C build-f93dedb/src
#   cmake -S build-f93dedb/src -B build-f93dedb/bin -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTELLER_WERROR=ON
#   cmake --build build-f93dedb/bin -j2 --target tellerctl
#   bash tests/bench/builds.sh build build-f93dedb/bin
# Prints each run's ops/s, p50 and p99 and the medians. A benchmark: it judges no number, but
# every run must work and end with the invariants holding.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "builds.sh: $*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: builds.sh BUILD_A BUILD_B [SECONDS] [CLIENT COUNTS...]"
a=$1 b=$2
seconds=${3:-8}
shift $(($# > 3 ? 3 : $#)) || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(1 8)
rounds=${ROUNDS:-3}
scenario=${SCENARIO:-uniform}
[[ $seconds =~ ^[1-9][0-9]{0,3}$ ]] || die "SECONDS must be a whole number from 1 to 9999, not '$seconds'"
[[ $rounds =~ ^[1-9]$ ]] || die "ROUNDS must be a whole number from 1 to 9, not '$rounds'"
[[ $scenario =~ ^(uniform|hot|transfer|replay)$ ]] || die "SCENARIO: uniform, hot, transfer or replay, not '$scenario'"
for c in "${clients[@]}"; do
    [[ $c =~ ^[1-9][0-9]?$ ]] || die "a client count must be a whole number from 1 to 99, not '$c'"
done
for x in "$a" "$b"; do [ -x "$x/tools/tellerctl/tellerctl" ] || die "$x/tools/tellerctl/tellerctl not found: build it first"; done
here=$(dirname "${BASH_SOURCE[0]}")

one() { # build; prints "clients ops p50 p99" per client count, on a fresh server of that build
    (
        build=$1
        source "$here/server.sh"
        bench_server builds
        for c in "${clients[@]}"; do
            out=$(su "$tellerctl" bench --clients "$c" --seconds "$seconds" --scenario "$scenario" --accounts 1000) \
                || die "$build: tellerctl bench --clients $c failed: $out"
            grep -q '"invariants":"ok"' <<<"$out" || die "$build: invariants do not hold after bench, $c clients: $out"
            f() { sed -n "s/.*\"$1\":\([0-9.e+-]*\).*/\1/p" <<<"$out"; }
            echo "$c $(f ops_per_second) $(f p50_ms) $(f p99_ms)"
        done
    )
}
declare -A R
printf '%-6s %-28s %-8s %10s %8s %8s\n' round build clients "ops/s" "p50 ms" "p99 ms"
for round in $(seq "$rounds"); do
    # The order turns with the round, so that neither build always runs first.
    order=("$a" "$b")
    [ $((round % 2)) -eq 0 ] && order=("$b" "$a")
    for x in "${order[@]}"; do
        r=$(one "$x")
        while read -r c ops p50 p99; do
            R[$round,$x,$c]="$ops $p50 $p99"
            printf '%-6s %-28s %-8s %10.0f %8.2f %8.2f\n' "$round" "$x" "$c" "$ops" "$p50" "$p99"
        done <<<"$r"
    done
done
median() { tr ' ' '\n' <<<"$*" | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "median of $rounds rounds ($scenario):"
printf '%-28s %-8s %10s %8s %8s\n' build clients "ops/s" "p50 ms" "p99 ms"
for c in "${clients[@]}"; do
    for x in "$a" "$b"; do
        o=() p=() q=()
        for round in $(seq "$rounds"); do
            read -r ops p50 p99 <<<"${R[$round,$x,$c]}"
            o+=("$ops") p+=("$p50") q+=("$p99")
        done
        printf '%-28s %-8s %10.0f %8s %8s\n' "$x" "$c" "$(median "${o[*]}")" "$(median "${p[*]}")" "$(median "${q[*]}")"
    done
done
