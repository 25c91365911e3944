#!/usr/bin/env bash
# Installs what Dialog Studio needs, builds the release binary and starts it on its embedded
# defaults: the demo session in the default database, then the command overview.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target dialogstudio
./build/release/app/dialogstudio demo
echo
./build/release/app/dialogstudio --help
