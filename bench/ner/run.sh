#!/usr/bin/env bash
# Throughput of the vigil.ner stage alone and peak RSS with all six shipped
# models loaded (bench/ner/README.md).
#
#   bench/ner/run.sh [--corpus FILE] [--lang LANG] [--runs N] [--repeat N] [--group N]
#
# Default corpus: the English CoNLL-2003 development file from ../shared
# (read for timing only; any CoNLL-style file works).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=$root/../shared/data/ner/en/conll2003/val.conllu
lang=en runs=5 repeat=4 group=10
while [ $# -gt 0 ]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --lang) lang=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --group) group=$2; shift 2 ;;
    *) echo "usage: $0 [--corpus FILE] [--lang LANG] [--runs N] [--repeat N] [--group N]" >&2; exit 2 ;;
  esac
done
build=${BUILD:-$root/build}
cmake --build "$build" --target vigil_ner_bench vigil_ner >/dev/null
models=""
for l in ar de en es fr nl; do models+="${models:+,}$l=$build/share/vigil/ner/$l.model"; done
exec "$build/bin/vigil_ner_bench" --corpus "$corpus" --lang "$lang" --models "$models" \
  --gazetteers "$build/share/vigil/config/gazetteers" --runs "$runs" --repeat "$repeat" --group "$group"
