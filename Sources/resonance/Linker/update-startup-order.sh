#!/usr/bin/env bash
# Rewrites Sources/resonance/Linker/startup.order: the functions `resonance render` runs, then those the
# dashboard adds until its first frame.
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
#   Sources/resonance/Linker/update-startup-order.sh              # builds the release binary first
#   Sources/resonance/Linker/update-startup-order.sh PATH         # profiles an already built release binary
#
# SwiftPM does not know the link reads this file: delete the release binary so the next build relinks.
#
# Needs valgrind, tmux and nm. The profiles are `render --size 160x48 --color never` over a store of the
# reference history (../shared/data or $RESONANCE_REFERENCE_DATA: rut_daily.csv, btc_usd_daily.csv), the
# run the README's Performance table measures, and the dashboard over the same store in a 160x48 tmux
# pane, quit with q once it has drawn. Without that data both run with --demo.
set -euo pipefail
cd "$(dirname "$0")/../../.."

for tool in valgrind tmux nm; do
    command -v $tool > /dev/null || { echo "needs $tool" >&2; exit 1; }
done

if (($#)); then
    binary=$1
else
    swift build -c release --static-swift-stdlib --product resonance
    binary="$(swift build -c release --show-bin-path)/resonance"
fi

work=$(mktemp -d)
socket="$work/tmux"
trap 'tmux -S "$socket" kill-server 2> /dev/null || true; rm -rf "$work"' EXIT

data=${RESONANCE_REFERENCE_DATA:-../shared/data}
if [[ -f $data/rut_daily.csv && -f $data/btc_usd_daily.csv ]]; then
    "$binary" import "$data/rut_daily.csv" --series rut --home "$work/home" > /dev/null
    "$binary" import "$data/btc_usd_daily.csv" --series btc --home "$work/home" > /dev/null
    source=(--home "$work/home")
else
    echo "no reference data in $data: profiling render --demo" >&2
    source=(--demo)
fi

# --fair-sched: by default valgrind lets the drawing thread starve the one running the dashboard's
# first fetch, and the dashboard waits for it.
profile=(valgrind --tool=callgrind --demangle=no --fair-sched=yes)
"${profile[@]}" --callgrind-out-file="$work/render.out" \
    "$binary" render "${source[@]}" --size 160x48 --color never > /dev/null 2> "$work/valgrind.log" \
    || { cat "$work/valgrind.log" >&2; exit 1; }

# The dashboard needs a terminal: run it in a detached tmux pane, wait for the first frame (the chart's
# legend) and for the fetch it starts on stale data to end, press q, and wait for it to exit.
dashboard=$(printf '%q ' "${profile[@]}" --callgrind-out-file="$work/dashboard.out" "$binary" "${source[@]}")
tmux -S "$socket" -f /dev/null new-session -d -s main -x 160 -y 48 "$dashboard 2> $(printf %q "$work/valgrind.log")"
for ((i = 0; i < 120; i++)); do
    screen=$(tmux -S "$socket" capture-pane -p -t main 2> /dev/null || true)
    [[ $screen == *"Bitcoin (BTC-USD)"* && $screen != *fetching* ]] && break
    sleep 0.5
done
tmux -S "$socket" send-keys -t main q
for ((i = 0; i < 120; i++)); do
    tmux -S "$socket" has-session -t main 2> /dev/null || break
    sleep 0.5
done
[[ -s $work/dashboard.out ]] || { echo "the dashboard did not draw and quit under valgrind" >&2; exit 1; }

# Names defined more than once (local helpers every object file has its own copy of, such as outlined
# copies and destroys) would pull every copy's section forward, 1.5 MB of code no start runs: leave
# them out.
nm --defined-only "$binary" | awk '{ print $NF }' | LC_ALL=C sort | uniq -d > "$work/shared-names"

# Callgrind lists every function that ran under its object (ob=), numbering names the first time it
# writes them ("(12) name", later just "(12)"). Keep the named functions of the executable itself, each
# once: render's first, then those only the dashboard ran, each group sorted so that a new profile
# changes only the lines that differ (and a module's functions sit together).
awk -v exe="$(basename "$binary")" -v shared="$work/shared-names" '
    function resolve(text, table,    id) {
        if (match(text, /^\([0-9]+\)/)) {
            id = substr(text, 2, RLENGTH - 2)
            if (length(text) > RLENGTH) table[id] = substr(text, RLENGTH + 2)
            return table[id]
        }
        return text
    }
    FILENAME == shared { seen[$0] = 1; next }
    FNR == 1 { split("", objects); split("", functions); object = ""; group++ }
    /^ob=/  { object = resolve(substr($0, 4), objects); next }
    /^cob=/ { resolve(substr($0, 5), objects); next }
    /^cfn=/ { resolve(substr($0, 5), functions); next }
    /^fn=/  {
        name = resolve(substr($0, 4), functions)
        n = split(object, parts, "/")
        if (parts[n] == exe && name !~ /^0x/ && !(name in seen)) { seen[name] = 1; print group "\t" name }
    }
' "$work/shared-names" "$work/render.out" "$work/dashboard.out" | LC_ALL=C sort -t "$(printf '\t')" -k1,1n -k2,2 | cut -f2- \
    > Sources/resonance/Linker/startup.order

echo "Sources/resonance/Linker/startup.order: $(wc -l < Sources/resonance/Linker/startup.order) functions; relink with: rm $binary && swift build -c release --static-swift-stdlib --product resonance"
