#!/usr/bin/env bash
# Downloads Apple's App Store Connect OpenAPI spec 4.4.1 (from a public mirror pinned by commit),
# checks its SHA-256 and prints the line that points the emulator at it:
#   bash scripts/fetch-openapi-spec.sh [DEST]
#   eval "$(bash scripts/fetch-openapi-spec.sh | tail -n 1)"
# DEST defaults to $HOME/.cache/asc-actions/app-store-connect-openapi-4.4.1.json.
# ASC_SPEC_SOURCE_FILE=/path/to/copy.json takes the file from disk instead of the network
# (offline machines, and testing this script). The spec is never committed to the repository.
set -euo pipefail

URL='https://raw.githubusercontent.com/EvanBacon/App-Store-Connect-OpenAPI-Spec/4c0cdd736435d6a75c7ec3510bb09ea257aa3c75/specs/4.4.1.json'
SHA256='e0479dce4cc03eb5b5518ca1d161d65f3ed714ddfa39f11c639d3dd4925f8477'
DEST="${1:-$HOME/.cache/asc-actions/app-store-connect-openapi-4.4.1.json}"

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

mkdir -p "$(dirname "$DEST")"
TMP="$(mktemp "${DEST}.XXXXXX")"
trap 'rm -f "$TMP"' EXIT

if [[ -n "${ASC_SPEC_SOURCE_FILE:-}" ]]; then
  echo "copying the spec from $ASC_SPEC_SOURCE_FILE" >&2
  cp "$ASC_SPEC_SOURCE_FILE" "$TMP"
else
  echo "downloading $URL" >&2
  curl --fail --silent --show-error --location --retry 3 --output "$TMP" "$URL"
fi

ACTUAL="$(sha256_of "$TMP")"
if [[ "$ACTUAL" != "$SHA256" ]]; then
  echo "checksum mismatch: expected $SHA256, got $ACTUAL; the downloaded file was deleted" >&2
  exit 1  # the EXIT trap deletes it; an earlier verified copy at DEST is left alone
fi

chmod 644 "$TMP"
mv "$TMP" "$DEST"
trap - EXIT
echo "spec verified (SHA-256 $SHA256) at $DEST" >&2
printf 'export ASC_OPENAPI_SPEC=%q\n' "$DEST"
