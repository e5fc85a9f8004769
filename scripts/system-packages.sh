#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (Chromium, PostgreSQL, Redis, Tesseract with English,
# German and Hindi data, Noto fonts for the image test set) when missing.
# Safe to run repeatedly; does nothing when everything is present.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
for language in eng deu hin osd; do
  ls /usr/share/tesseract-ocr/*/tessdata/${language}.traineddata >/dev/null 2>&1 || missing+=(tesseract-ocr-${language})
done
[ -f /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ] || missing+=(fonts-noto-core)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "Missing system packages: ${missing[*]} (run as root, or install them: apt-get install ${missing[*]})." >&2
    echo "Tests that need them will be skipped with a message." >&2
    exit 0
  fi
else
  SUDO=
fi
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
