#!/usr/bin/env bash
# The main job: build the extension (.vsix) and open it in VS Code with a practice folder.
# With the desktop `code` command: install the .vsix there and open the folder. Without it (a server,
# a fresh machine): serve the browser-based VS Code the end-to-end tests use, on 127.0.0.1, with the
# extension installed, and print the address. Ctrl-C stops it.
# Env: MLKATA_PORT (default 8080), MLKATA_PYTHON (default .venv/bin/python), MLKATA_USE_BROWSER=1
# (skip the desktop `code`), MLKATA_READY_ONLY=1 (exit once it answers: for checks), MLKATA_PRACTICE
# (the practice folder, default ${XDG_DATA_HOME:-~/.local/share}/mlkata/practice).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PYTHON="${MLKATA_PYTHON:-$ROOT/.venv/bin/python}"
PORT="${MLKATA_PORT:-8080}"
# Outside the clone (no Git prompt about a parent repository, out of reach of `make clean`); an old
# build/practice is moved there once.
PRACTICE="$(client/scripts/practice-folder.sh "$ROOT/build/practice")"
STATE="$ROOT/build/vscode"

[[ -d node_modules/vscode-languageclient ]] || npm ci --no-audit --no-fund --loglevel=error
MLKATA_PYTHON="$PYTHON" npm run --silent package
VSIX="$ROOT/$(node -p 'const m=require("./package.json"); `${m.name}-${m.version}.vsix`')"

# The layout of the first screen (client/scripts/demo-settings.json, which the e2e window `firstrun`
# opens with too), plus the interpreter and the practice folder.
settings() {
    node -e 'const [file, python, practice] = process.argv.slice(1);
        const s = { "mlkata.python": python, "mlkata.solutionsFolder": practice, ...require(file) };
        console.log(JSON.stringify(s, null, 2));' "$ROOT/client/scripts/demo-settings.json" "$PYTHON" "$PRACTICE"
}

if command -v code >/dev/null && [[ "${MLKATA_USE_BROWSER:-}" != 1 ]]; then
    code --install-extension "$VSIX" --force
    mkdir -p "$PRACTICE/.vscode"
    # Written once; again when it still names the practice folder's old place in the clone.
    if [[ ! -f "$PRACTICE/.vscode/settings.json" ]] || grep -qF "$ROOT/build/practice" "$PRACTICE/.vscode/settings.json"; then
        settings >"$PRACTICE/.vscode/settings.json"
    fi
    code "$PRACTICE"
    echo "ML Kata is installed in VS Code and $PRACTICE is open: run 'ML Kata: Open Problem…' from the command palette."
    exit 0
fi

client/e2e/setup.sh
NODE24="$(node client/e2e/tools.js NODE24_BIN)"
CS="$(node client/e2e/tools.js CODE_SERVER)"
mkdir -p "$STATE/user/User" "$STATE/user/Machine" "$STATE/extensions" "$STATE/xdg"
settings >"$STATE/user/User/settings.json"
cp "$STATE/user/User/settings.json" "$STATE/user/Machine/settings.json"
printf 'auth: none\ncert: false\n' >"$STATE/config.yaml"
export PATH="$NODE24:$PATH" XDG_CONFIG_HOME="$STATE/xdg" XDG_DATA_HOME="$STATE/xdg"
ARGS=(--auth none --config "$STATE/config.yaml" --user-data-dir "$STATE/user" --extensions-dir "$STATE/extensions"
      --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override)
node "$CS" "${ARGS[@]}" --install-extension "$VSIX" --force >/dev/null
URL="http://127.0.0.1:$PORT/?folder=$PRACTICE"
node "$CS" "${ARGS[@]}" --bind-addr "127.0.0.1:$PORT" "$PRACTICE" >"$STATE/code-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
    node -e "require('http').get('http://127.0.0.1:$PORT/healthz', r => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))" && break
    kill -0 $SERVER 2>/dev/null || { cat "$STATE/code-server.log"; exit 1; }
    sleep 0.2
done
echo
echo "ML Kata in VS Code (browser): $URL"
echo "Open it: the ML Kata view lists the problems and the walkthrough shows where to start. Ctrl-C stops the server."
echo "Practice folder: $PRACTICE"
[[ "${MLKATA_READY_ONLY:-}" == 1 ]] && exit 0
wait $SERVER
