#!/usr/bin/env bash
# Prints the demo's practice folder, creating it: ${XDG_DATA_HOME:-~/.local/share}/mlkata/practice (or
# MLKATA_PRACTICE), outside any Git repository and out of reach of `make clean`. A practice folder left at
# the old place (the first argument, build/practice in the clone) is moved there once, never losing a
# file: as the folder itself when the new one is empty, else into a `from-build-practice-<time>` folder in it.
set -euo pipefail
OLD="${1:?usage: practice-folder.sh OLD_PRACTICE_FOLDER}"
NEW="${MLKATA_PRACTICE:-${XDG_DATA_HOME:-$HOME/.local/share}/mlkata/practice}"
if [[ -d "$OLD" && -n "$(ls -A "$OLD")" ]]; then
    if [[ ! -e "$NEW" ]] || [[ -d "$NEW" && -z "$(ls -A "$NEW")" ]]; then
        mkdir -p "$(dirname "$NEW")"
        rmdir "$NEW" 2>/dev/null || true
        mv "$OLD" "$NEW"
        echo "practice folder moved: $OLD -> $NEW" >&2
    else
        DEST="$NEW/from-build-practice-$(date +%Y%m%d-%H%M%S)"
        mv "$OLD" "$DEST"
        echo "practice folder moved: $OLD -> $DEST ($NEW already had files)" >&2
    fi
fi
# The marker of a practice folder: ML Kata's extension activates on it (workspaceContains:.mlkata).
mkdir -p "$NEW/.mlkata"
echo "$NEW"
