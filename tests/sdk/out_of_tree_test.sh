#!/usr/bin/env bash
# The out-of-tree SDK test: install the build tree to a staging prefix, build
# the example plugin against the installed SDK (find_package(vigil-sdk)), and
# run it through the INSTALLED vigil binary.
#
# usage: out_of_tree_test.sh BUILD_DIR EXAMPLE_SOURCE_DIR [CMAKE_COMMAND]
set -euo pipefail

build_dir=$1
example_src=$2
cmake_cmd=${3:-cmake}

work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-sdk-test.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

stage="$work/stage"
example_build="$work/example-build"
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== install $build_dir to $stage"
"$cmake_cmd" --install "$build_dir" --prefix "$stage" > "$work/install.log" || { cat "$work/install.log" >&2; fail "cmake --install failed"; }

[[ -x "$stage/bin/vigil" ]] || fail "no $stage/bin/vigil after install"
[[ -f "$stage/share/vigil/config/default.toml" ]] || fail "no $stage/share/vigil/config/default.toml after install"
[[ -f "$stage/include/vigil/sdk.hpp" ]] || fail "SDK headers not installed ($stage/include/vigil/sdk.hpp)"
config=$(find "$stage" -name vigil-sdkConfig.cmake | head -n1)
[[ -n "$config" ]] || fail "no vigil-sdkConfig.cmake installed"

echo "== configure and build the example plugin against $stage"
"$cmake_cmd" -S "$example_src" -B "$example_build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$stage" \
  > "$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; fail "configuring the example failed"; }
"$cmake_cmd" --build "$example_build" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "building the example failed"; }
[[ -f "$example_build/acme_shout.so" ]] || fail "no acme_shout.so in $example_build"

# Only the entry symbol is exported (hidden visibility).
if command -v nm > /dev/null; then
  nm -D --defined-only "$example_build/acme_shout.so" | grep -q ' vigil_plugin_entry$' || fail "vigil_plugin_entry is not exported"
fi

vigil=("$stage/bin/vigil")
unset VIGIL_PLUGIN_PATH

echo "== the installed binary finds the installed plugins"
"${vigil[@]}" plugins > "$work/plugins.txt"
grep -q '^  vigil.tokenize ' "$work/plugins.txt" || { cat "$work/plugins.txt" >&2; fail "installed vigil does not list vigil.tokenize"; }
grep -q "^  $stage/lib/vigil/plugins\$" "$work/plugins.txt" || { cat "$work/plugins.txt" >&2; fail "installed vigil does not search $stage/lib/vigil/plugins"; }

echo "== the installed binary describes the example plugin"
"${vigil[@]}" --plugin-path "$example_build" plugins acme.shout > "$work/describe.txt"
grep -q '^acme.shout (annotator)' "$work/describe.txt" || { cat "$work/describe.txt" >&2; fail "vigil plugins acme.shout"; }
grep -q 'suffix' "$work/describe.txt" || fail "parameter 'suffix' not described"

echo "== run the example plugin through the installed binary"
cat > "$work/pipe.toml" <<'TOML'
[source]
use = "vigil.jsonl"
path = "in.jsonl"

[[stage]]
use = "vigil.tokenize"

[[stage]]
use = "acme.shout"
suffix = "?!"

[[sink]]
use = "vigil.jsonl"
path = "out.jsonl"
TOML
printf '%s\n' '{"id":"one","text":"Police in Lyon arrested two men."}' '{"id":"two","text":"Ça va, Dr. Smith?"}' > "$work/in.jsonl"
"${vigil[@]}" --plugin-path "$example_build" run "$work/pipe.toml" 2> "$work/run.err" \
  || { cat "$work/run.err" >&2; fail "vigil run failed"; }
grep -q 'read 2 = written 2 + failed 0 + skipped 0' "$work/run.err" || { cat "$work/run.err" >&2; fail "unexpected summary"; }

python3 - "$work/out.jsonl" <<'PY'
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert [d["id"] for d in docs] == ["one", "two"], docs
one, two = (d["attributes"]["acme.shout"] for d in docs)
assert one == {"text": "POLICE IN LYON ARRESTED TWO MEN.?!", "words": 6}, one
assert two == {"text": "ÇA VA, DR. SMITH??!", "words": 4}, two
assert docs[0]["stats"]["tokens"] > 0, docs[0]["stats"]
PY

echo "== --set reaches the plugin's parameter"
"${vigil[@]}" --plugin-path "$example_build" run "$work/pipe.toml" --input "$work/in.jsonl" --output - \
  --set stage.shout.suffix=... > "$work/out2.jsonl" 2> "$work/run2.err" || { cat "$work/run2.err" >&2; fail "vigil run --set failed"; }
grep -qF '"POLICE IN LYON ARRESTED TWO MEN...."' "$work/out2.jsonl" || { cat "$work/out2.jsonl" >&2; fail "--set stage.shout.suffix did not reach acme.shout"; }

echo "PASS: out-of-tree plugin built against $stage and run by the installed vigil"
