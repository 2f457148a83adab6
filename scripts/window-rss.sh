#!/usr/bin/env bash
# The real window's peak memory: runs the release binary in a virtual X display (Xvfb) on a
# database, types the benchmark's searches into its search box with xdotool, a character at a
# time, and prints one JSON object with the process's peak resident memory (VmHWM) and the
# memory after the searches (VmRSS).
#
#   scripts/window-rss.sh DB [--wait SECS] [QUERY...]
#
# Without queries, the perf benchmark's searches are typed (its corpus: seed 20250127).
# JEVONS_BIN=path/to/jevons uses that binary instead of building the release one. The database
# is opened as it is (not copied): use a copy of a benchmark database. Needs Debian's xvfb and
# xdotool (installed when missing, as root). Uses a fresh settings folder. The app starts its
# daily backup as it opens (part of what is measured); the backups folder it makes next to the
# database is removed at the end when this run created it.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/window-rss.sh DB [--wait SECS] [QUERY...]}
shift
wait_s=8
if [[ ${1:-} == --wait ]]; then wait_s=$2; shift 2; fi
queries=("$@")
if [[ ${#queries[@]} -eq 0 ]]; then
  queries=('$NVDA' '$WAB' 'quixotrelm' 'market' '"large GPU clusters"' 'infer*' '#ai'
           '$NVDA infer* #ai after:2023-01-01 before:2025-01-01')
fi
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xdotool \
     libgl1-mesa-dri libegl1 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6) >/dev/null
fi
bin=${JEVONS_BIN:-target/release/jevons}
[[ -n ${JEVONS_BIN:-} ]] || cargo build --release --quiet
work=$(mktemp -d)
backups=$(cd "$(dirname "$db")" && pwd)/backups
[[ -e $backups ]] && made_backups= || made_backups=$backups
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
for n in $(seq 90 140); do [[ -e /tmp/.X$n-lock ]] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
# Every step may fail (the app may have exited already) without skipping the next: set -e holds
# here too.
cleanup() {
  if [[ -n $app ]]; then kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; fi
  kill $xvfb 2>/dev/null || true
  rm -rf "$work"
  [[ -n $made_backups ]] && rm -rf "$made_backups"
  return 0
}
trap cleanup EXIT
sleep 1
DISPLAY=$display "$bin" --db "$db" >"$work/app.log" 2>&1 &
app=$!
sleep "$wait_s"
alive() {
  kill -0 $app 2>/dev/null || { echo "window-rss.sh: the app exited early:" >&2; cat "$work/app.log" >&2; exit 1; }
}
alive
window=$(DISPLAY=$display xdotool search --sync --pid $app --onlyvisible --name . | head -n 1)
DISPLAY=$display xdotool windowactivate --sync "$window" 2>/dev/null || DISPLAY=$display xdotool windowfocus "$window"
for query in "${queries[@]}"; do
  DISPLAY=$display xdotool key --clearmodifiers ctrl+f ctrl+a BackSpace
  DISPLAY=$display xdotool type --delay 100 -- "$query"
  sleep 3
  alive
done
status=/proc/$app/status
peak=$(awk '/^VmHWM:/ { print $2 }' "$status")
now=$(awk '/^VmRSS:/ { print $2 }' "$status")
printf '{"db": "%s", "queries": %d, "peak_rss_mb": %.1f, "rss_after_mb": %.1f}\n' \
  "$db" "${#queries[@]}" "$(echo "$peak / 1024" | bc -l)" "$(echo "$now / 1024" | bc -l)"
