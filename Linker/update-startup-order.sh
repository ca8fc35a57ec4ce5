#!/usr/bin/env bash
# Rewrites Linker/startup.order: the functions `resonance render` runs, in the order they first ran.
#
# The release link of `resonance` on Linux hands this file to lld (--symbol-ordering-file, see
# Package.swift), which puts those functions' sections first in .text. A start then touches a few
# contiguous megabytes of code instead of pages scattered over 18 MB, and the kernel maps 64 kB around
# every fault, so the scatter is what costs memory (README, Performance).
#
# The file only moves code: a name that no longer exists is skipped and a new function lands where it
# would anyway, so a stale file costs memory, never correctness. Run this again after changes to what
# start-up runs (argument parsing, the store, the panels) or to the toolchain or dependencies.
#
#   Linker/update-startup-order.sh              # builds the release binary first
#   Linker/update-startup-order.sh PATH         # profiles an already built release binary
#
# Needs valgrind. The profile is `render --size 160x48 --color never` over a store of the reference
# history (../shared/data or $RESONANCE_REFERENCE_DATA: rut_daily.csv, btc_usd_daily.csv), the run the
# README's Performance table measures; without that data it profiles `render --demo`.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind > /dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }

if (($#)); then
    binary=$1
else
    swift build -c release --static-swift-stdlib --product resonance
    binary="$(swift build -c release --show-bin-path)/resonance"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

data=${RESONANCE_REFERENCE_DATA:-../shared/data}
if [[ -f $data/rut_daily.csv && -f $data/btc_usd_daily.csv ]]; then
    "$binary" import "$data/rut_daily.csv" --series rut --home "$work/home" > /dev/null
    "$binary" import "$data/btc_usd_daily.csv" --series btc --home "$work/home" > /dev/null
    source=(--home "$work/home")
else
    echo "no reference data in $data: profiling render --demo" >&2
    source=(--demo)
fi

valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/callgrind.out" \
    "$binary" render "${source[@]}" --size 160x48 --color never > /dev/null 2> "$work/valgrind.log" \
    || { cat "$work/valgrind.log" >&2; exit 1; }

# Callgrind lists every function that ran under its object (ob=), numbering names the first time it
# writes them ("(12) name", later just "(12)"); functions appear in the order they first ran. Keep the
# named functions of the executable itself, each once.
awk -v exe="$(basename "$binary")" '
    function resolve(text, table,    id) {
        if (match(text, /^\([0-9]+\)/)) {
            id = substr(text, 2, RLENGTH - 2)
            if (length(text) > RLENGTH) table[id] = substr(text, RLENGTH + 2)
            return table[id]
        }
        return text
    }
    /^ob=/  { object = resolve(substr($0, 4), objects); next }
    /^cob=/ { resolve(substr($0, 5), objects); next }
    /^cfn=/ { resolve(substr($0, 5), functions); next }
    /^fn=/  {
        name = resolve(substr($0, 4), functions)
        n = split(object, parts, "/")
        if (parts[n] == exe && name !~ /^0x/ && !(name in seen)) { seen[name] = 1; print name }
    }
' "$work/callgrind.out" > Linker/startup.order

echo "Linker/startup.order: $(wc -l < Linker/startup.order) functions"
