#!/bin/sh
# jack-server.sh start|stop NAME STATE_DIR
# A JACK dummy server for the audio tests (no sound card needed): 48 kHz, 256-frame periods.
# CI runs as root with no real-time privileges and no D-Bus, hence --no-realtime and a named
# server started directly. (Not --sync: a synchronous server stalls for its client timeout on
# every cycle after a client is killed, and the tests kill clients on purpose.) Only files
# belonging to a server of this NAME are ever cleaned up, so other JACK servers on the machine
# (another build's tests) are left alone. DS_JACK_REALTIME=1 runs the server real-time (-R), as
# a studio machine does; the load benchmark uses it where the machine allows.
set -u
action=$1
name=$2
dir=$3
pidfile="$dir/jackd-$name.pid"
log="$dir/jackd-$name.log"
export JACK_NO_START_SERVER=1
export JACK_DEFAULT_SERVER="$name"

stop_server() {
    if [ -f "$pidfile" ]; then
        pid=$(cat "$pidfile")
        if kill "$pid" 2>/dev/null; then
            i=0
            while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
            kill -9 "$pid" 2>/dev/null
            i=0
            while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        fi
        rm -f "$pidfile"
    fi
    # A server of this name that died leaves its socket and semaphores behind.
    rm -f /dev/shm/jack_"$name"_* /dev/shm/jack_sem.*_"$name"_* 2>/dev/null
    return 0
}

case "$action" in
start)
    mkdir -p "$dir"
    stop_server
    rt=--no-realtime
    [ "${DS_JACK_REALTIME:-0}" = 1 ] && rt=--realtime
    jackd $rt --name "$name" -d dummy -r 48000 -p 256 </dev/null >"$log" 2>&1 &
    echo $! >"$pidfile"
    i=0
    while [ $i -lt 100 ]; do
        if jack_lsp >/dev/null 2>&1; then
            echo "JACK server '$name' is up (pid $(cat "$pidfile"))"
            exit 0
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then break; fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "JACK server '$name' did not start; its log:" >&2
    cat "$log" >&2
    stop_server
    exit 1
    ;;
stop)
    stop_server
    echo "JACK server '$name' stopped"
    ;;
*)
    echo "usage: $0 start|stop NAME STATE_DIR" >&2
    exit 2
    ;;
esac
