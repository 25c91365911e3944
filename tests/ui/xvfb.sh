#!/usr/bin/env bash
# Starts or stops an Xvfb server for the control room's window tests (a CTest fixture).
#   xvfb.sh start DIR [WxHxD]   Xvfb picks a free display (-displayfd); DIR/display gets ":N",
#                               DIR/pid its process id. Waits until the server answers.
#   xvfb.sh stop DIR            stops it and removes DIR.
# Xvfb's output goes to DIR/xvfb.log, never to CTest's pipes (CTest would wait for it).
set -euo pipefail
action=$1
dir=$2
case "$action" in
  start)
    screen=${3:-1600x900x24}
    mkdir -p "$dir"
    rm -f "$dir/display" "$dir/display.fd" "$dir/pid"
    setsid Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp -noreset \
      3>"$dir/display.fd" >"$dir/xvfb.log" 2>&1 </dev/null &
    echo $! >"$dir/pid"
    for _ in $(seq 1 100); do
      if [ -s "$dir/display.fd" ]; then
        echo ":$(tr -d '[:space:]' <"$dir/display.fd")" >"$dir/display"
        exit 0
      fi
      sleep 0.1
    done
    echo "xvfb.sh: Xvfb did not start; see $dir/xvfb.log" >&2
    cat "$dir/xvfb.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -f "$dir/pid" ]; then
      kill "$(cat "$dir/pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: xvfb.sh start|stop DIR [WxHxD]" >&2
    exit 2
    ;;
esac
