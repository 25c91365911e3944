#!/usr/bin/env bash
# Installs what Dialog Studio needs, builds the release binary and opens the control room on its
# embedded defaults: the live demo session (created in the default database if there is none).
# With no display (a server, a CI machine) it creates the demo session and prints the command
# overview instead: every command works headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target dialogstudio
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/release/app/dialogstudio --demo
fi
./build/release/app/dialogstudio demo
echo
echo "No display: the control room (\`dialogstudio --demo\`) needs one. The commands:"
./build/release/app/dialogstudio --help
