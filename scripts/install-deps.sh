#!/usr/bin/env bash
# System packages the demo and the tests need on Debian/Ubuntu (run as root or with sudo):
#   chromium              the browser the end-to-end tests and the demo drive (/usr/bin/chromium)
#   chromium-l10n         its translations: the tests use the Indonesian UI (Debian ships en-US only)
#   fonts-noto-color-emoji  emoji in screenshots
#   firefox-esr           the Firefox the end-to-end tests drive over WebDriver BiDi (/usr/bin/firefox-esr)
#   firefox-esr-l10n-id   its Indonesian UI (the tests run Firefox in Indonesian, as Chromium)
#   openssl               the end-to-end tests' self-signed certificate for the fixture sites
#   sqlite3               reads Firefox's IndexedDB files in the history test (nothing of the post on disk)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-l10n fonts-noto-color-emoji firefox-esr firefox-esr-l10n-id openssl sqlite3 >/dev/null
chromium --version
firefox-esr --version
