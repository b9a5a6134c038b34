#!/usr/bin/env bash
# Throughput benchmark for the vigil host: builds a synthetic corpus of a given
# size from a folder of texts, times `cat` over it as the I/O floor, then times
# `vigil run` at each thread count and prints medians as a table.
# See bench/README.md for what the figures mean.
set -euo pipefail
# Decimal points in $EPOCHREALTIME and printf must be dots whatever the locale.
export LC_NUMERIC=C

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo_root prog="bench/run.sh"

vigil="$repo_root/build/bin/vigil"
pipeline="$repo_root/bench/host-overhead.toml"
size_mb=200
texts="$repo_root/config/samples"
format=jsonl
runs=3
threads="1 2"
workdir=/tmp/vigil-bench
rebuild=0

usage() {
  cat <<EOF
Usage: $prog [OPTIONS]

Build a corpus of about SIZE MB by repeating the texts in DIR (each copy gets
a running number, so no two documents are equal), time \`cat\` over it as the
floor, then time \`vigil run PIPELINE --input CORPUS --output /dev/null
--threads N\` for each N. Prints the median of RUNS runs per configuration.

Options:
  --vigil PATH        vigil binary (default: build/bin/vigil)
  --pipeline PATH     pipeline to run (default: bench/host-overhead.toml)
  --size-mb N         corpus size in MB, 1 MB = 1,000,000 bytes (default: 200)
  --texts DIR         folder whose *.txt files are repeated
                      (default: config/samples; e.g. ../shared/corpus/seeds)
  --format F          files: a folder of .txt files; jsonl: one JSON-lines
                      file of {"id", "text"} (default: jsonl)
  --runs N            timed runs per configuration (default: 3)
  --threads "N ..."   thread counts to try (default: "1 2")
  --workdir DIR       corpus, logs and timings go here (default: /tmp/vigil-bench)
  --rebuild           rebuild the corpus even if one of that size exists
  -h, --help          show this help

Default paths are relative to the repository root; paths you pass are
relative to the current directory. vigil's own stderr goes to
WORKDIR/vigil.log, not to the terminal.

Example:
  $prog --size-mb 50 --runs 5 --threads "1 2 4 8"
  $prog --pipeline bench/tokenize.toml --texts ../shared/corpus/seeds
EOF
}

die() {
  printf '%s: error: %s\n' "$prog" "$*" >&2
  exit 2
}

need_value() {
  [[ $# -ge 2 && -n $2 ]] || die "option $1 needs a value (see --help)"
}

# is_positive_int S: S is a decimal integer > 0 (leading zeros allowed).
is_positive_int() { [[ $1 =~ ^[0-9]+$ ]] && ((10#$1 > 0)); }

while [[ $# -gt 0 ]]; do
  case $1 in
    --*=*) set -- "${1%%=*}" "${1#*=}" "${@:2}"; continue ;;
  esac
  case $1 in
    --vigil) need_value "$@"; vigil=$2; shift 2 ;;
    --pipeline) need_value "$@"; pipeline=$2; shift 2 ;;
    --size-mb) need_value "$@"; size_mb=$2; shift 2 ;;
    --texts) need_value "$@"; texts=$2; shift 2 ;;
    --format) need_value "$@"; format=$2; shift 2 ;;
    --runs) need_value "$@"; runs=$2; shift 2 ;;
    --threads) need_value "$@"; threads=$2; shift 2 ;;
    --workdir) need_value "$@"; workdir=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

# --- check the arguments and the tools before doing anything slow ----------

is_positive_int "$size_mb" || die "--size-mb: expected a positive integer, got '$size_mb'"
is_positive_int "$runs" || die "--runs: expected a positive integer, got '$runs'"
size_mb=$((10#$size_mb)) runs=$((10#$runs))
[[ $format == jsonl || $format == files ]] || die "--format: expected 'files' or 'jsonl', got '$format'"
read -r -a thread_list <<<"$threads"
((${#thread_list[@]} > 0)) || die "--threads: expected one or more thread counts, got '$threads'"
for i in "${!thread_list[@]}"; do
  n=${thread_list[i]}
  is_positive_int "$n" || die "--threads: expected positive integers, got '$n' in '$threads'"
  thread_list[i]=$((10#$n))
done

if [[ ! -e $vigil ]]; then
  die "vigil binary not found at '$vigil'. Build it first (cmake -S . -B build && cmake --build build) or pass --vigil PATH."
fi
[[ -f $vigil && -x $vigil ]] || die "'$vigil' is not an executable file (pass the vigil binary with --vigil PATH)"
[[ -f $pipeline ]] || die "pipeline not found: '$pipeline'"
[[ -d $texts ]] || die "texts folder not found: '$texts'"
compgen -G "$texts/*.txt" >/dev/null || die "no *.txt files in '$texts' (--texts wants a folder of plain-text documents)"
command -v python3 >/dev/null || die "python3 is needed to build the corpus"
if ! /usr/bin/time --version 2>&1 | grep -q 'GNU'; then
  die "GNU time is needed at /usr/bin/time for peak RSS (Debian package 'time'; tools/install-deps.sh installs it)"
fi

mkdir -p "$workdir"
workdir="$(cd "$workdir" && pwd)"
log="$workdir/vigil.log"
timings="$workdir/timings.tsv"

# --- corpus -----------------------------------------------------------------

# Identifies the source texts by content, so that a corpus built from other
# texts (or edited ones) is never reused by mistake.
texts_hash="$(
  cd "$texts"
  find . -maxdepth 1 -type f -name '*.txt' -print0 | LC_ALL=C sort -z |
    xargs -0r sha256sum | sha256sum | cut -c1-12
)"
stem="corpus-$format-${size_mb}mb-$texts_hash"
if [[ $format == jsonl ]]; then
  corpus="$workdir/$stem.jsonl"
else
  corpus="$workdir/$stem"
fi
meta="$workdir/$stem.meta"

build_corpus() {
  local tmp="$corpus.partial"
  rm -rf "$tmp" "$meta"
  python3 - "$texts" "$tmp" "$format" "$((size_mb * 1000000))" "$meta" <<'PY'
import json, os, sys

texts_dir, out, fmt, target, meta = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
names = sorted(n for n in os.listdir(texts_dir)
               if n.endswith(".txt") and os.path.isfile(os.path.join(texts_dir, n)))
if not names:
    sys.exit(f"bench/run.sh: error: no *.txt files in {texts_dir}")
texts = []
for n in names:
    with open(os.path.join(texts_dir, n), encoding="utf-8") as f:
        texts.append((n[:-4], f.read().rstrip("\n")))

docs = size = 0
if fmt == "jsonl":
    sink = open(out, "w", encoding="utf-8")
else:
    os.mkdir(out)
while size < target:
    slug, body = texts[docs % len(texts)]
    doc_id = f"{docs:08d}-{slug}"
    # The running number makes every document distinct (no cache can help).
    text = f"{body}\n\n[bench document {docs}]"
    if fmt == "jsonl":
        line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n"
        data = line.encode("utf-8")
        sink.write(line)
    else:
        data = (text + "\n").encode("utf-8")
        with open(os.path.join(out, doc_id + ".txt"), "wb") as f:
            f.write(data)
    size += len(data)
    docs += 1
if fmt == "jsonl":
    sink.close()
with open(meta, "w") as f:
    f.write(f"docs={docs}\nbytes={size}\nsources={len(texts)}\n")
PY
  rm -rf "$corpus"
  mv "$tmp" "$corpus"
}

if ((rebuild)) || [[ ! -f $meta || ! -e $corpus ]]; then
  printf 'Building %s corpus of %d MB from %s ...\n' "$format" "$size_mb" "$texts" >&2
  build_corpus
else
  printf 'Reusing corpus %s\n' "$corpus" >&2
fi
docs="$(sed -n 's/^docs=//p' "$meta")"
bytes="$(sed -n 's/^bytes=//p' "$meta")"

# --- timing -----------------------------------------------------------------

# cat_corpus: the floor, reading exactly the bytes vigil reads.
cat_corpus() {
  if [[ $format == jsonl ]]; then
    cat -- "$corpus" >/dev/null
  else
    find "$corpus" -type f -name '*.txt' -print0 | xargs -0r cat -- >/dev/null
  fi
}
export -f cat_corpus
export corpus format

: >"$log"
printf 'label\tthreads\trun\twall_s\ttime_e_s\tmax_rss_kb\n' >"$timings"
tfile="$workdir/time.out"

# timed LABEL THREADS RUN CMD...: runs CMD under GNU time, appends a row to
# the timings file. Wall time is taken from bash's microsecond clock (GNU
# time's %e has only 10 ms resolution); peak RSS comes from GNU time's %M.
timed() {
  local label=$1 nthreads=$2 run=$3 start end status=0
  shift 3
  printf '\n=== %s threads=%s run=%s: %s\n' "$label" "$nthreads" "$run" "$*" >>"$log"
  start=$EPOCHREALTIME
  /usr/bin/time -f '%e %M' -o "$tfile" "$@" 2>>"$log" || status=$?
  end=$EPOCHREALTIME
  if ((status != 0)); then
    printf '%s: error: %s exited with status %d (threads=%s, run %s). Last lines of %s:\n' \
      "$prog" "$label" "$status" "$nthreads" "$run" "$log" >&2
    tail -n 15 "$log" >&2
    exit 1
  fi
  local e rss
  read -r e rss < <(tail -n 1 "$tfile")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$nthreads" "$run" \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }')" "$e" "$rss" >>"$timings"
}

printf 'Warming the page cache ...\n' >&2
cat_corpus

for ((r = 1; r <= runs; r++)); do
  printf 'cat floor, run %d/%d\n' "$r" "$runs" >&2
  timed cat - "$r" bash -c cat_corpus
done

for n in "${thread_list[@]}"; do
  for ((r = 1; r <= runs; r++)); do
    printf 'vigil --threads %s, run %d/%d\n' "$n" "$r" "$runs" >&2
    timed vigil "$n" "$r" "$vigil" run "$pipeline" --input "$corpus" --output /dev/null --threads "$n"
  done
done

# --- report -----------------------------------------------------------------

cpu_model="$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
[[ -n $cpu_model ]] || cpu_model="$(sed -n 's/^Hardware[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo | head -n 1)"
vigil_version="$("$vigil" version 2>/dev/null | head -n 1)" || true

printf 'vigil:    %s (%s)\n' "${vigil_version:-unknown}" "$vigil"
printf 'machine:  %s, nproc %s, %s\n' "${cpu_model:-unknown CPU}" "$(nproc)" "$(uname -sr)"
printf 'pipeline: %s\n' "$pipeline"
printf 'corpus:   %s (%s, %s docs, %.1f MB from %s)\n' "$corpus" "$format" "$docs" \
  "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$texts"
printf 'runs:     %s per configuration, figures are medians; warm page cache; 1 MB = 10^6 bytes\n\n' "$runs"

awk -F'\t' -v docs="$docs" -v bytes="$bytes" '
  # Portable awk (mawk has no asort): insertion sort, then the middle.
  function median(list,   a, n, i, j, v) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) {
      v = a[i] + 0
      for (j = i - 1; j >= 1 && a[j] + 0 > v; j--) a[j + 1] = a[j]
      a[j + 1] = v
    }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR == 1 { next }
  {
    key = $1 "\t" $2
    if (!(key in wall)) order[++k] = key
    wall[key] = wall[key] " " $4
    rss[key] = rss[key] " " $6
  }
  END {
    fmt = "%-8s %7s %10s %12s %10s %14s\n"
    printf fmt, "command", "threads", "wall s", "docs/s", "MB/s", "peak RSS MB"
    for (i = 1; i <= k; i++) {
      split(order[i], kt, "\t")
      w = median(wall[order[i]])
      m = median(rss[order[i]]) * 1024 / 1e6
      label = kt[1]
      dps = w > 0 ? sprintf("%.0f", docs / w) : "n/a"
      mbps = w > 0 ? sprintf("%.1f", bytes / 1e6 / w) : "n/a"
      printf fmt, label, kt[2], sprintf("%.3f", w), dps, mbps, sprintf("%.1f", m)
    }
  }' "$timings"

printf '\nvigil stderr: %s\nper-run timings: %s\n' "$log" "$timings"
