#!/usr/bin/env bash
# Installs every Debian 12 package Dialog Studio needs to build, run and test.
# Idempotent and non-interactive: packages already present are skipped by apt itself,
# and the package lists are refreshed only when a package is actually missing.
set -euo pipefail

packages=(
  # build and test
  build-essential cmake ninja-build pkg-config git libgtest-dev libgmock-dev libbenchmark-dev clang-format
  # the stack
  libsqlite3-dev libssl-dev zlib1g-dev portaudio19-dev libsndfile1-dev libebur128-dev
  libavcodec-dev libavformat-dev libavutil-dev libswresample-dev
  libimgui-dev libstb-dev libglfw3-dev libgl-dev
  # well-kept helpers
  libfmt-dev nlohmann-json3-dev libcli11-dev libhowardhinnant-date-dev tzdata
  libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-noto-core
  # real parts for the tests
  jackd2 jack-tools jack-capture sox ffmpeg sndfile-programs xvfb xauth libgl1-mesa-dri
  x11-apps netpbm xdotool poppler-utils sqlite3 stress-ng python3 python3-openpyxl procps
  # the studio service: HTTP(S) server, e-mail parsing, QR codes for pairing; its real parts
  # for tests and benchmarks (browser, SMS daemon, load generator, reverse proxy)
  libcpp-httplib-dev libqrencode-dev libgmime-3.0-dev openssl gammu gammu-smsd chromium
  chromium-driver wrk nginx-light clang
  # publication (SOPs 001, 002): the audiogram's frames, the .docx, the WordPress client, and a
  # real WordPress on loopback for its tests (MariaDB, PHP's built-in server); LibreOffice
  # opens the .docx in a test
  libswscale-dev libzip-dev libcpp-httplib-dev
  mariadb-server php-cli php-mysql wordpress libreoffice-writer-nogui
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# jackd2 asks whether to enable real-time priority; answer it up front.
echo "jackd2 jackd/tweak_rt_limits boolean false" | $SUDO debconf-set-selections
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
