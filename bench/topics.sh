#!/usr/bin/env bash
# Throughput of the vigil.topics stage alone on one core: builds
# bench/topics_bench.cpp, tokenizes the texts once, then times the topic
# matcher only and prints the median MB/s. Extra arguments go to the bench
# (--texts DIR|FILE.jsonl, --size-mb N, --runs N, --language xx).
#   bench/topics.sh [--build-dir build] [bench options]
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$repo_root/build"
if [[ ${1:-} == --build-dir ]]; then build=$2; shift 2; fi
cmake --build "$build" --target vigil_topics_bench >/dev/null
cd "$repo_root"
args=("$@")
[[ " ${args[*]} " == *" --texts "* ]] || args+=(--texts config/samples)
exec "$build/bin/vigil_topics_bench" --rules config/topics "${args[@]}"
