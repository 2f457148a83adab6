#!/usr/bin/env bash
# `jevons search QUERY --json` as a whole process (start, open, search, print), timed: the
# median and the slowest of RUNS runs per query, and whether the total was exact, as one JSON
# object. Run it on a copy of a benchmark database (the perf example's corpus).
#
#   scripts/cli-search-times.sh DB [RUNS] [QUERY...]
#
# Without queries, the perf benchmark's searches are timed. JEVONS_BIN=path/to/jevons uses that
# binary instead of building the release one.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/cli-search-times.sh DB [RUNS] [QUERY...]}
runs=${2:-11}
shift $(( $# >= 2 ? 2 : 1 ))
queries=("$@")
if [[ ${#queries[@]} -eq 0 ]]; then
  queries=('$NVDA' '$WAB' 'quixotrelm' 'market' '"large GPU clusters"' 'infer*' '#ai'
           '$NVDA infer* #ai after:2023-01-01 before:2025-01-01')
fi
bin=${JEVONS_BIN:-target/release/jevons}
[[ -n ${JEVONS_BIN:-} ]] || cargo build --release --quiet
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "{"
for i in "${!queries[@]}"; do
  query=${queries[$i]}
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" --db "$db" search "$query" --json >"$out"
    times+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  median=${sorted[$(( runs / 2 ))]}
  slowest=${sorted[$(( runs - 1 ))]}
  total=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["total"] if r["total"] is not None else "null", r.get("total_at_least", "null"))' "$out")
  comma=$([[ $i -lt $(( ${#queries[@]} - 1 )) ]] && echo "," || echo "")
  printf '  "%s": {"median_ms": %.1f, "max_ms": %.1f, "total": %s, "total_at_least": %s}%s\n' \
    "${query//\"/\\\"}" "$(echo "$median / 1000" | bc -l)" "$(echo "$slowest / 1000" | bc -l)" \
    ${total% *} ${total#* } "$comma"
done
echo "}"
