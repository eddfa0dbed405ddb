#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3) and headless Chromium from the
# npm registry and Debian's packages alone, for the integration tier and `npm start` on machines
# that cannot download VS Code. Idempotent: skips whatever is already there.
# See ../shared/notes/real-vscode-offline.md for why each step exists.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
CACHE_DIR="${PATTERN_ANALYST_CACHE:-$HOME/.cache/pattern-analyst}"
CS_DIR="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"

need_apt=()
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# pdftotext / pdfinfo / pdftoppm: the PDF export's tests read what was printed.
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ ! -f "$ENTRY" ]; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
  command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
  command -v make >/dev/null 2>&1 || need_apt+=(make)
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-code-server: missing Debian packages: ${need_apt[*]} (run as root, or apt-get install them)" >&2
    exit 1
  fi
  echo "install-code-server: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f "$ENTRY" ]; then
  echo "install-code-server: code-server $CODE_SERVER_VERSION already in $CS_DIR"
  exit 0
fi

mkdir -p "$CS_DIR/tmp"
# @vscode/ripgrep downloads rg from GitHub unless its cache already holds the archive: seed it
# with Debian's rg so nothing is fetched from outside the registries.
RG_CACHE="$CS_DIR/tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
RG_STAGE="$(mktemp -d)"
cp "$(command -v rg)" "$RG_STAGE/rg"
tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$RG_STAGE" rg
rm -rf "$RG_STAGE"

cd "$CS_DIR"
[ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > package.json
echo "install-code-server: npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (about a minute)"
TMPDIR="$CS_DIR/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
test -f "$ENTRY"
echo "install-code-server: ready: $ENTRY"
