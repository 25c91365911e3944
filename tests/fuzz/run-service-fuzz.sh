#!/usr/bin/env bash
# Builds the service parsers' fuzz target with clang's libFuzzer (plus AddressSanitizer and
# UBSan) and runs it for SECONDS (default 600) on one core, starting from the corpus folder
# beside this script. Not part of CI: run it by hand and read the counts it prints at the end.
#   tests/fuzz/run-service-fuzz.sh [SECONDS] [WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-600}"
work="${2:-$root/build/fuzz}"
mkdir -p "$work/corpus"
cp -n "$here"/corpus/* "$work/corpus/" 2>/dev/null || true
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I"$root" -DUSE_OS_TZDB=1 -DONLY_C_LOCALE=1 -DHAS_STRING_VIEW=1 -DFMT_SHARED
       $(pkg-config --cflags gmime-3.0 openssl))
srcs=("$here/service_fuzz.cpp" "$root/service/WhatsAppWebhook.cpp" "$root/service/GenericWebhook.cpp"
      "$root/service/QuestionForm.cpp" "$root/service/MaildirReader.cpp" "$root/service/Secrets.cpp"
      "$root/service/ChannelMessage.cpp" "$root/studio/Time.cpp")
clang++ "${flags[@]}" "${srcs[@]}" -o "$work/service_fuzz" \
  $(pkg-config --libs gmime-3.0 openssl) -ldate-tz -lfmt -lpthread
cd "$work"
./service_fuzz -max_total_time="$seconds" -max_len=16384 -timeout=10 -print_final_stats=1 corpus \
  2>&1 | tee fuzz.log | grep -E "^#|stat::|ERROR|SUMMARY" | tail -n 25
