#!/usr/bin/env bash
# Interleaved comparison of two builds of the vigil.langid benchmark (and of
# CLD2 alone): on a shared machine the same command varies by ±20 % from one
# hour to the next, so A, B and the baseline take turns, ROUNDS times, and
# the median of each is printed.
#
#   bench/langid/ab.sh OLD_BENCH NEW_BENCH [TEXTS_FILE] [ROUNDS]
#
# OLD_BENCH, NEW_BENCH: two vigil-bench-langid binaries (e.g. one copied
# aside before a change); TEXTS_FILE: one text per line (default: the
# sample sentences); ROUNDS: default 3, each a `--runs 5`.
set -euo pipefail
old=${1:?usage: ab.sh OLD_BENCH NEW_BENCH [TEXTS_FILE] [ROUNDS]}
new=${2:?usage: ab.sh OLD_BENCH NEW_BENCH [TEXTS_FILE] [ROUNDS]}
texts=()
if [[ -n "${3:-}" ]]; then texts=(--texts "$3"); fi
rounds=${4:-3}
rate() { "$@" --runs 5 2>&1 | awk '/^median/ {print $7}'; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
a=() b=() c=()
for ((i = 1; i <= rounds; ++i)); do
  a+=("$(rate "$old" "${texts[@]}")")
  b+=("$(rate "$new" "${texts[@]}")")
  c+=("$(rate "$new" "${texts[@]}" --no-model)")
  echo "round $i: old ${a[-1]}  new ${b[-1]}  CLD2 alone ${c[-1]} texts/s" >&2
done
echo "median texts/s over $rounds rounds: old $(printf '%s\n' "${a[@]}" | median)" \
  " new $(printf '%s\n' "${b[@]}" | median)  CLD2 alone $(printf '%s\n' "${c[@]}" | median)"
