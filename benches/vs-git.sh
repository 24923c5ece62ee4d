#!/usr/bin/env bash
# Whole-process speed of `yoydiff diff OLD NEW --format json` against a character diff with
# no structure (`git diff --no-index --word-diff=porcelain --word-diff-regex=.`), run
# alternately on the same pair so that both see the same machine state. Prints the median wall
# time of each and their ratio; a ratio at or below 1 means yoydiff is as fast as git. A third
# command in each round, `yoydiff diff NEW NEW`, times a report compared with itself (which
# short-circuits): the last line is how many times faster that is than the real pair.
#
#   benches/vs-git.sh [OLD NEW] [RUNS]
#
# Defaults: the sample pair and 15 runs of each. Build first: cargo build --release.
set -euo pipefail
cd "$(dirname "$0")/.."

old="${1:-samples/national-gwr-2022.txt}"
new="${2:-samples/national-gwr-2023.txt}"
runs="${3:-15}"
bin="${YOYDIFF_BIN:-target/release/yoydiff}"
[ -x "$bin" ] || { echo "vs-git.sh: $bin not found; run cargo build --release first" >&2; exit 2; }
for f in "$old" "$new"; do
  [ -r "$f" ] || { echo "vs-git.sh: cannot read $f" >&2; exit 2; }
done

# Wall time of one command in microseconds; its output is discarded.
micros() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true # git diff exits 1 when the files differ
  end=$(date +%s%N)
  echo $(((end - start) / 1000))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

ours=()
theirs=()
selfs=()
# One warm-up run of each fills the page cache.
micros "$bin" diff "$old" "$new" --format json >/dev/null
micros git diff --no-index --word-diff=porcelain --word-diff-regex=. "$old" "$new" >/dev/null
for _ in $(seq "$runs"); do
  ours+=("$(micros "$bin" diff "$old" "$new" --format json)")
  theirs+=("$(micros git diff --no-index --word-diff=porcelain --word-diff-regex=. "$old" "$new")")
  selfs+=("$(micros "$bin" diff "$new" "$new" --format json)")
done
y=$(printf '%s\n' "${ours[@]}" | median)
g=$(printf '%s\n' "${theirs[@]}" | median)
s=$(printf '%s\n' "${selfs[@]}" | median)
echo "pair: $old → $new ($runs runs each, alternating)"
echo "yoydiff diff --format json: median $((y / 1000)) ms"
echo "git diff --word-diff-regex=.: median $((g / 1000)) ms"
echo "yoydiff diff NEW NEW (self): median $((s / 1000)) ms"
awk -v y="$y" -v g="$g" 'BEGIN { printf "ratio yoydiff / git: %.2f\n", y / g }'
awk -v y="$y" -v s="$s" 'BEGIN { printf "ratio real pair / self: %.2f\n", y / s }'
