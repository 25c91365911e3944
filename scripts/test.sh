#!/usr/bin/env bash
# Installs what Dialog Studio needs, builds the debug preset (AddressSanitizer + UBSan) and runs
# the whole suite with CTest. Tests that need a JACK server or an X display start and stop their
# own (CTest fixtures), so this works with no sound card and no screen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset debug >/dev/null
cmake --build --preset debug
ctest --preset debug "$@"
