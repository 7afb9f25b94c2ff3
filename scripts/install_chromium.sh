#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
echo "Chromium ontbreekt; installeren uit Debians pakketten..."
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Kan Chromium niet installeren: geen root en geen sudo. Installeer het pakket 'chromium'." >&2
  exit 1
fi
command -v chromium >/dev/null
