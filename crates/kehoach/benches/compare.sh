#!/usr/bin/env bash
# Whole-process timings, in one run on this machine, of the tools a unit would otherwise use:
#  - `kehoach export` against a python-docx script making the same document
#    (tests/fixtures/make_wordlike.py: header table, body, signature table, appendix table);
#  - `kehoach import --json` against `pandoc -f docx -t json` on the same .docx;
#  - `kehoach import --json` of a 30-odd-page text PDF (the district plan at 1.5 line spacing,
#    printed by LibreOffice) against `pdftotext -layout` of the same file;
#  - `kehoach export -o x.pdf` of the kindergarten plan (typst) against
#    `soffice --convert-to pdf` of the same plan's .docx;
# plus the release app binary's size, its start to first paint, and the CLI export's peak memory.
# Prints medians and ratios (hyperfine). Usage: crates/kehoach/benches/compare.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../../.." && pwd)
target=${CARGO_TARGET_DIR:-$top/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=${KEHOACH_PYTHON:-/usr/bin/python3}

cargo build --release --quiet --manifest-path "$top/Cargo.toml" --bin kehoach
cargo build --release --quiet --manifest-path "$top/Cargo.toml" -p kehoach-app --features tauri/custom-protocol
kehoach="$target/release/kehoach"
app="$target/release/ke-hoach-cchc"

"$kehoach" import builtin:quan1-2024 --json > "$work/plan.json"
"$kehoach" export "$work/plan.json" -o "$work/district.docx" 2>/dev/null
"$kehoach" export "$work/plan.json" -o "$work/long.docx" --line-spacing 1.5 2>/dev/null
soffice -env:UserInstallation=file://"$work/profile" --headless --convert-to pdf --outdir "$work" "$work/long.docx" >/dev/null 2>&1
pdf_pages=$(pdfinfo "$work/long.pdf" | awk '/^Pages/ {print $2}')

hyperfine --style basic --warmup 3 --runs 30 --export-json "$work/export.json" \
  -n "kehoach export" "$kehoach export $work/plan.json -o $work/k.docx" \
  -n "python-docx" "$py $top/tests/fixtures/make_wordlike.py $work/plan.json $work/p.docx"
hyperfine --style basic --warmup 3 --runs 30 --export-json "$work/import.json" \
  -n "kehoach import --json" "$kehoach import $work/district.docx --json" \
  -n "pandoc -t json" "pandoc -f docx -t json $work/district.docx -o /dev/null"

hyperfine --style basic --warmup 3 --runs 30 --export-json "$work/pdf.json" \
  -n "kehoach import PDF" "$kehoach import $work/long.pdf --json" \
  -n "pdftotext -layout" "pdftotext -layout $work/long.pdf /dev/null"

"$kehoach" adapt --from builtin:quan1-2024 --unit "$top/tests/fixtures/tuoi-hong.unit.toml" -o "$work/mn.json" 2>/dev/null
"$kehoach" export "$work/mn.json" -o "$work/mn.docx" 2>/dev/null
hyperfine --style basic --warmup 1 --runs 10 --export-json "$work/topdf.json" \
  -n "kehoach export .pdf" "$kehoach export $work/mn.json -o $work/mn-k.pdf" \
  -n "soffice --convert-to pdf" "soffice -env:UserInstallation=file://$work/profile --headless --convert-to pdf --outdir $work/lo $work/mn.docx"
mn_pages=$(pdfinfo "$work/mn-k.pdf" | awk '/^Pages/ {print $2}')

peak_kb=$( { /usr/bin/time -v "$kehoach" export "$work/plan.json" -o "$work/m.docx" 2>&1 1>/dev/null; } | awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}')
size_mb=$(du -m "$app" | cut -f1)
paint=$(for _ in 1 2 3 4 5; do
  KEHOACH_DATA_DIR="$work/data" KEHOACH_BENCH_FIRST_PAINT=1 timeout 30 xvfb-run -a -s "-screen 0 1280x800x24" "$app" 2>/dev/null | awk '/first-paint-ms/ {print $2}'
done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

"$py" - "$work/export.json" "$work/import.json" "$peak_kb" "$size_mb" "$paint" "$work/pdf.json" "$pdf_pages" "$work/topdf.json" "$mn_pages" <<'PY'
import json, statistics, sys
def medians(path):
    runs = json.load(open(path))["results"]
    return [(r["command"], statistics.median(r["times"]) * 1000) for r in runs]
(ek, e_ms), (ep, p_ms) = medians(sys.argv[1])
(ik, i_ms), (ip, d_ms) = medians(sys.argv[2])
print()
print(f"| measure | kehoach | other tool | ratio |")
print(f"|---|---|---|---|")
print(f"| export the district plan (.docx, whole process, median) | {e_ms:.1f} ms | python-docx {p_ms:.1f} ms | {p_ms / e_ms:.1f}x faster |")
print(f"| import the district .docx (--json, whole process, median) | {i_ms:.1f} ms | pandoc {d_ms:.1f} ms | {d_ms / i_ms:.1f}x faster |")
(pk, k_ms), (pt, t_ms) = medians(sys.argv[6])
print(f"| import a {sys.argv[7]}-page text PDF (--json, whole process, median) | {k_ms:.1f} ms | pdftotext -layout {t_ms:.1f} ms | {t_ms / k_ms:.2f}x |")
(xk, x_ms), (xs, s_ms) = medians(sys.argv[8])
print(f"| the kindergarten plan as PDF ({sys.argv[9]} pages, whole process, median) | {x_ms:.1f} ms | soffice --convert-to pdf {s_ms:.1f} ms | {s_ms / x_ms:.1f}x faster |")
print(f"| CLI export peak memory | {int(sys.argv[3]) / 1024:.1f} MB | | |")
print(f"| release app binary | {sys.argv[4]} MB | | |")
print(f"| app start to first paint (median of 5, Xvfb) | {sys.argv[5]} ms | | |")
PY
