#!/usr/bin/env bash
# Writer benchmark: documents/s and MB/s into each output writer on one
# thread. Builds a JSON-lines corpus of saved results (Vigil's own output
# shape, with entities and a topic per document), then times
#   vigil run bench/<writer>.toml --input CORPUS --threads 1
# for vigil.jsonl (the baseline: reading and restoring the results, writing
# JSON lines), vigil.sqlite, vigil.csv and vigil.html, and prints medians.
# MB/s counts the documents' text bytes, as vigil's own summary does.
set -euo pipefail
export LC_NUMERIC=C

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo_root prog="bench/writers.sh"

vigil="$repo_root/build/bin/vigil"
docs=100000
entities=4
runs=3
writers="jsonl sqlite csv html"
workdir=/tmp/vigil-bench/writers

usage() {
  cat <<USAGE
Usage: $prog [--vigil PATH] [--docs N] [--entities N] [--runs N] [--writers "jsonl sqlite csv html"] [--workdir DIR]

Defaults: build/bin/vigil, 100000 documents of about 300 bytes with 4 entities
and one topic (one evidence span) each, 3 runs, every writer, $workdir.
USAGE
}

die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --vigil) vigil=$2; shift 2 ;;
    --docs) docs=$2; shift 2 ;;
    --entities) entities=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ -x $vigil ]] || die "vigil binary not found at '$vigil' (build first, or pass --vigil PATH)"
[[ $docs =~ ^[0-9]+$ && $entities =~ ^[0-9]+$ && $runs =~ ^[1-9][0-9]*$ ]] || die "--docs, --entities, --runs take integers"
command -v python3 >/dev/null || die "python3 is needed to build the corpus"
mkdir -p "$workdir"
workdir="$(cd "$workdir" && pwd)"
corpus="$workdir/results-$docs-$entities.jsonl"
log="$workdir/vigil.log"

if [[ ! -s $corpus ]]; then
  printf 'Building %s (%d documents, %d entities each) ...\n' "$corpus" "$docs" "$entities" >&2
  python3 - "$corpus" "$docs" "$entities" <<'PY'
import json, sys
out, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
langs = ["en", "fr", "de", "es", "ar"]
names = [("Europol", "ORG", "Q208"), ("Interpol", "ORG", "Q47530"), ("Rabat", "LOC", "geonames:2538475"),
         ("Valencia", "LOC", "geonames:2509954"), ("Juan Ortega", "PER", ""), ("Frontex", "ORG", "Q1290843")]
topics = ["terrorism", "drugs", "cybercrime", "migration"]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        picked = [names[(i + j) % len(names)] for j in range(k)]
        text = " and ".join(p[0] for p in picked) + (
            f" cooperated on case {i}: police seized drugs, froze accounts and arrested suspects "
            "after a months-long investigation across several countries, the prosecutor said on Monday.")
        ents, at = [], 0
        for name, label, eid in picked:
            e = {"start": at, "end": at + len(name), "text": name, "label": label, "score": 0.9, "canonical": name}
            if eid: e["id"] = eid
            ents.append(e)
            at += len(name) + len(" and ")
        s = text.index("drugs")
        rec = {"id": f"doc-{i:07d}", "text": text, "meta": {"source": "bench"},
               "language": {"code": langs[i % 5], "confidence": 0.99, "reliable": True},
               "entities": ents,
               "topics": [{"label": topics[i % 4], "score": 0.8,
                           "evidence": [{"start": s, "end": s + 5, "term": "drugs", "weight": 0.5}]}]}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
fi
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$corpus")

: >"$log"
declare -A wall
for w in $writers; do
  case $w in
    jsonl) cmd=("$vigil" run "$repo_root/bench/host-overhead.toml" --input "$corpus" --output "$workdir/out.jsonl" --threads 1) ;;
    sqlite) cmd=("$vigil" run "$repo_root/bench/sqlite.toml" --input "$corpus" --threads 1 --set "sink.sqlite.path=$workdir/vigil.db") ;;
    csv) cmd=("$vigil" run "$repo_root/bench/csv.toml" --input "$corpus" --threads 1 --set "sink.csv.path=$workdir/csv") ;;
    html) cmd=("$vigil" run "$repo_root/bench/html.toml" --input "$corpus" --threads 1 --set "sink.html.path=$workdir/report.html") ;;
    *) die "unknown writer '$w' (jsonl, sqlite, csv, html)" ;;
  esac
  times=()
  for ((r = 1; r <= runs; r++)); do
    printf '%s run %d/%d\n' "$w" "$r" "$runs" >&2
    printf '\n=== %s run %d: %s\n' "$w" "$r" "${cmd[*]}" >>"$log"
    start=$EPOCHREALTIME
    "${cmd[@]}" 2>>"$log" || { tail -n 20 "$log" >&2; die "$w run $r failed"; }
    end=$EPOCHREALTIME
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }')")
  done
  wall[$w]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
done

printf '\nvigil:   %s\nmachine: %s, nproc %s\ncorpus:  %s (%d documents, %d entities + 1 topic each, %.1f MB of text)\n' \
  "$("$vigil" version 2>/dev/null | head -n 1)" "$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)" \
  "$(nproc)" "$corpus" "$docs" "$entities" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
printf 'runs:    %d per writer, 1 thread, medians, warm cache\n\n' "$runs"
printf '%-8s %10s %12s %8s %12s\n' writer "wall s" docs/s MB/s "output MB"
for w in $writers; do
  case $w in
    jsonl) out="$workdir/out.jsonl" ;; sqlite) out="$workdir/vigil.db" ;; csv) out="$workdir/csv" ;; html) out="$workdir/report.html" ;;
  esac
  size=$(du -sb "$out" | cut -f1)
  awk -v w="$w" -v t="${wall[$w]}" -v d="$docs" -v b="$bytes" -v s="$size" \
    'BEGIN { printf "%-8s %10.3f %12.0f %8.1f %12.1f\n", w, t, d / t, b / 1e6 / t, s / 1e6 }'
done
printf '\nvigil stderr: %s\n' "$log"
