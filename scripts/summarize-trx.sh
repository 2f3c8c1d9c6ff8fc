#!/usr/bin/env bash
# Sums the counters of every TRX file under a directory and prints "N passed, N failed".
# A run with no results at all counts as a failure: a suite that did not run must not look green.
set -euo pipefail
dir="${1:?usage: summarize-trx.sh RESULTS_DIR}"
passed=0
failed=0
found=0
while IFS= read -r -d '' trx; do
  found=1
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
  a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done < <(find "$dir" -name '*.trx' -print0)
if [[ $found == 0 ]]; then
  failed=$((failed + 1))
  echo "no test results found under $dir" >&2
fi
echo "$passed passed, $failed failed"
