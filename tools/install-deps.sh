#!/usr/bin/env bash
# Installs every Debian package that building and testing Vigil needs.
# Idempotent: packages already present are left as they are.
# Works as root or through sudo. Tested on Debian 12 (bookworm).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config git
  # core and SDK
  libboost-dev libboost-filesystem-dev   # Boost.DLL (header-only) + Boost.Filesystem
  libspdlog-dev libfmt-dev               # logging
  libtomlplusplus-dev                    # pipeline configs
  libtbb-dev                             # parallel ordered pipeline
  nlohmann-json3-dev libsimdjson-dev     # JSON values / fast JSON-lines parsing
  libcli11-dev                           # command line
  libicu-dev                             # tokenizer, normalisation
  catch2                                 # tests (Catch2 v2)
  # plugins
  libcld2-dev                            # language identification
  libsqlite3-dev                         # SQLite writer
  libstemmer-dev                         # Snowball stemmers
  libhyperscan-dev                       # multi-pattern matching
  # data-preparation scripts under tools/ and their tests
  python3
  # benchmark harness (GNU time for peak RSS)
  time
  # HTML report test (headless browser; the test is skipped without it)
  chromium
)

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps.sh: run as root or install sudo" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps.sh: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
