#!/usr/bin/env bash
# Fetches the default country database (geo-whois-asn-country.mmdb, IPv4 + IPv6, ~7.5 MiB)
# from the npm package @ip-location-db/geo-whois-asn-country-mmdb and copies it to DEST.
# Licence and attribution: README.md beside this script.
#
#   fetch-default-db.sh [DEST]     DEST defaults to geo-whois-asn-country.mmdb beside this script
#
# The version and the file's SHA-256 are pinned so every machine serves the same answers;
# set GEO_DB_VERSION (and GEO_DB_SHA256, or GEO_DB_SHA256=any) to take another version.
# DEST is replaced by rename, so a running gateway never reads a half-copied file.
set -euo pipefail

package="@ip-location-db/geo-whois-asn-country-mmdb"
version="${GEO_DB_VERSION:-2.3.2026061719}"
file="geo-whois-asn-country.mmdb"
default_sha256="c5f7c0e9bd6a6ccb5a2e9634764544a0d08bd0bd8788b8aedfac87bea184c652"
if [[ -n "${GEO_DB_VERSION:-}" ]]; then
  expected_sha256="${GEO_DB_SHA256:-any}"
else
  expected_sha256="${GEO_DB_SHA256:-$default_sha256}"
fi
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dest="${1:-$script_dir/$file}"

fail() {
  echo "fetch-default-db.sh: error: $*" >&2
  exit 1
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$dest" && "$expected_sha256" != "any" && "$(sha256_of "$dest")" == "$expected_sha256" ]]; then
  echo "fetch-default-db.sh: $dest is already $package@$version"
  exit 0
fi

command -v npm >/dev/null 2>&1 || fail "npm is not installed (Debian package 'npm'); it is needed to fetch $package."
mkdir -p "$(dirname "$dest")" || fail "cannot create the folder for $dest"

work="$(mktemp -d "${TMPDIR:-/tmp}/geo-db-fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetch-default-db.sh: fetching $package@$version from the npm registry"
if ! tarball="$(cd "$work" && timeout 300 npm pack "$package@$version" 2>"$work/npm.log" | tail -n 1)" || [[ -z "$tarball" ]]; then
  cat "$work/npm.log" >&2 || true
  fail "'npm pack $package@$version' failed (no network, no registry, or the version is gone); see the npm output above."
fi

tar -xzf "$work/$tarball" -C "$work" "package/$file" 2>"$work/tar.log" \
  || { cat "$work/tar.log" >&2; fail "$tarball does not contain package/$file"; }

actual_sha256="$(sha256_of "$work/package/$file")"
if [[ "$expected_sha256" != "any" && "$actual_sha256" != "$expected_sha256" ]]; then
  fail "$file from $package@$version has SHA-256 $actual_sha256, expected $expected_sha256; refusing to install it."
fi

cp "$work/package/$file" "$dest.tmp.$$" || fail "cannot write $dest.tmp.$$"
mv -f "$dest.tmp.$$" "$dest" || { rm -f "$dest.tmp.$$"; fail "cannot replace $dest"; }
echo "fetch-default-db.sh: installed $package@$version as $dest ($(stat -c %s "$dest") bytes, sha256 $actual_sha256)"
