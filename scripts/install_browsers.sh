#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and Firefox ESR (Playwright's own browser
# downloads do not work here). Installs whichever of the two is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Ontbreekt: ${missing[*]}; installeren uit Debians pakketten..."
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Kan ${missing[*]} niet installeren: geen root en geen sudo. Installeer de pakketten chromium en firefox-esr." >&2
  exit 1
fi
command -v chromium >/dev/null && command -v firefox-esr >/dev/null
