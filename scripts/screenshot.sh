#!/usr/bin/env bash
# Refreshes assets/screenshot.png: the app on the sample research with the NVDA dossier open,
# in a virtual X display (Xvfb), captured with ImageMagick's `import`.
#
#   scripts/screenshot.sh [OUT.png] [--size WxH] [--theme light|dark] [--wait SECS]
#
# JEVONS_BIN=path/to/jevons uses that binary instead of building the release one.
# Needs Debian's xvfb and imagemagick (installed when missing, as root). Uses a fresh database
# and a fresh settings folder, so what you have open yourself does not show.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/screenshot.png size=1440x900 theme=light wait_s=5
while [[ $# -gt 0 ]]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --theme) theme=$2; shift 2 ;;
    --wait) wait_s=$2; shift 2 ;;
    -*) echo "screenshot.sh: unknown option $1" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb imagemagick \
     libgl1-mesa-dri libegl1 libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6) >/dev/null
fi
bin=${JEVONS_BIN:-target/release/jevons}
[[ -n ${JEVONS_BIN:-} ]] || cargo build --release --quiet
work=$(mktemp -d)
export HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
for n in $(seq 90 140); do [[ -e /tmp/.X$n-lock ]] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
DISPLAY=$display JEVONS_OPEN_TICKER=NVDA JEVONS_THEME=$theme "$bin" --db "$work/sample.db" \
  >"$work/app.log" 2>&1 &
app=$!
sleep "$wait_s"
if ! kill -0 $app 2>/dev/null; then
  echo "screenshot.sh: the app exited early:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
DISPLAY=$display import -window root "$out"
echo "saved $out"
