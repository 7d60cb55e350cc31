#!/usr/bin/env bash
# Measures jixiao side by side with pandoc, in one run on this machine:
#   (a) a full build of the bundled report (load → audit → Markdown + DOCX)
#       against `pandoc out/2024.md -o x.docx` (the same content, Markdown → DOCX only);
#   (b) a batch of N generated unit files (variants of the reference) through one
#       `jixiao build`, with every output spot-checked: each timed run writing
#       all 2N outputs into a new, empty directory, and then rebuilding into a
#       directory whose outputs are already up to date (nothing rewritten);
#   (c) peak memory (maximum resident set size) of each;
#   (d) the report as PDF: `jixiao build --format pdf` (typeset in-process)
#       against LibreOffice's headless DOCX → PDF conversion of the same
#       report's DOCX, with the peak memory of each; then a batch of
#       PDF_UNITS (default 10) generated unit files, through one `jixiao
#       build` against one `soffice --convert-to pdf` of their DOCX files.
# Needs hyperfine, pandoc, LibreOffice and GNU time (installed with apt-get
# when missing). PROFILE=release measures a `release` build instead of `dist`;
# ONLY=pdf runs (d) alone.
# On an ext4 without a journal (as on the 2-core VM of the README's figures),
# creating files in the minutes after thousands were deleted is several times
# slower: the inode allocator steps over inodes freed in the last five minutes
# (Linux fs/ext4/ialloc.c, recently_deleted).
# The script never deletes before timing (old outputs are moved aside) and
# removes its work directory only when it ends; leave five minutes between runs.
# Usage: bench/compare.sh [N]   (N defaults to 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
PROFILE=${PROFILE:-dist}
ONLY=${ONLY:-}

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v pandoc >/dev/null || need+=(pandoc)
[ -x /usr/bin/time ] || need+=(time)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}..." >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

cargo build --profile "$PROFILE" -q
bin=target/$PROFILE/jixiao
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A hyperfine --prepare command giving each timed run a new, empty output
# directory: the previous run's DIR is moved aside, not deleted, so that no
# deletion is still under way while the next run is timed.
move_aside() { echo "bash -c 'mv $1 \$(mktemp -d -p $work) 2>/dev/null; true'"; }

"$bin" build data/2024.yaml --allow-errors -o "$work/ref" >/dev/null
md="$work/ref/2024.md"
peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {printf "%.1f MiB\n", $2/1024}'; }

# How many times longer the hyperfine run (JSON) took for command $3 than for $2.
ratio() {
  python3 - "$@" <<'PY' 2>/dev/null || true
import json, sys
path, ours, theirs = sys.argv[1:4]
r = {x["command"]: x["mean"] for x in json.load(open(path))["results"]}
print(f"libreoffice / jixiao = {r[theirs] / r[ours]:.1f}x  (jixiao {r[ours]*1000:.1f} ms, libreoffice {r[theirs]*1000:.1f} ms)")
PY
}

# Unit files $2/unit1.yaml … unit$1.yaml: the reference, each with its own
# unit name and actual spending, so that no two reports are the same (typst
# would otherwise reuse one unit's layout for the next).
variants() {
  local i actual
  mkdir -p "$2"
  for ((i = 1; i <= $1; i++)); do
    actual=$(printf '60%02d.%02d' $((i % 80)) $((i % 100)))
    sed -e "19s/行业事务中心/行业事务中心第${i}单位/" \
        -e "82s/6078.91/${actual}/" data/2024.yaml >"$2/unit$i.yaml"
  done
}

pdf_section() {
  echo "== (d) the report as PDF: jixiao build --format pdf (YAML → PDF) vs LibreOffice (DOCX → PDF)"
  # LibreOffice converts the DOCX jixiao wrote; its profile is made once,
  # before timing, by the warm-up runs.
  local office="soffice -env:UserInstallation=file://$work/office --headless --convert-to pdf --outdir $work/office-pdf $work/ref/2024.docx"
  hyperfine --warmup 2 --min-runs 10 -N --export-json "$work/d.json" --prepare "$(move_aside "$work/d")" \
    -n "jixiao pdf" "$bin build data/2024.yaml --allow-errors --format pdf -o $work/d" \
    -n "libreoffice" "$office"
  ratio "$work/d.json" "jixiao pdf" "libreoffice"
  echo "jixiao build --format pdf:  $(peak "$bin" build data/2024.yaml --allow-errors --format pdf -o "$work/dm")"
  # shellcheck disable=SC2086
  echo "LibreOffice DOCX → PDF:     $(peak $office)"

  # A batch: the fonts are loaded once per process by both.
  local units=${PDF_UNITS:-10} i yamls=() docxs=()
  variants "$units" "$work/pdf-units"
  for ((i = 1; i <= units; i++)); do
    yamls+=("$work/pdf-units/unit$i.yaml")
    docxs+=("$work/pdf-units-docx/unit$i.docx")
  done
  "$bin" build "${yamls[@]}" --allow-errors --format docx -o "$work/pdf-units-docx" >/dev/null
  echo "== (d) a batch of $units reports as PDF, one process each"
  hyperfine --warmup 1 --min-runs 5 -N --export-json "$work/db.json" --prepare "$(move_aside "$work/db")" \
    -n "jixiao pdf batch" "$bin build ${yamls[*]} --allow-errors --format pdf -o $work/db" \
    -n "libreoffice batch" "soffice -env:UserInstallation=file://$work/office --headless --convert-to pdf --outdir $work/office-batch ${docxs[*]}"
  ratio "$work/db.json" "jixiao pdf batch" "libreoffice batch"
  echo "jixiao batch of $units:       $(peak "$bin" build "${yamls[@]}" --allow-errors --format pdf -o "$work/dbm")"
}
if [ "$ONLY" = pdf ]; then
  pdf_section
  exit 0
fi

echo "== (a) one report: jixiao build (YAML → Markdown + DOCX) vs pandoc (Markdown → DOCX)"
# Each run writes into a new directory, as pandoc writes its file each time.
hyperfine --warmup 3 --min-runs 20 -N --export-json "$work/a.json" --prepare "$(move_aside "$work/a")" \
  -n jixiao "$bin build data/2024.yaml --allow-errors -o $work/a" \
  -n pandoc "pandoc $md -o $work/pandoc.docx"
python3 - "$work/a.json" <<'PY' 2>/dev/null || true
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
print(f"pandoc / jixiao = {r['pandoc'] / r['jixiao']:.1f}x  (jixiao {r['jixiao']*1000:.1f} ms, pandoc {r['pandoc']*1000:.1f} ms)")
PY

echo
echo "== (b) $N units in one jixiao build"
variants "$N" "$work/units"
hyperfine --warmup 1 --runs 5 -N --prepare "$(move_aside "$work/batch")" \
  -n "jixiao build $N units, new output directory" "$bin build $(echo $work/units/*.yaml) --allow-errors -o $work/batch --quiet"
hyperfine --warmup 1 --runs 5 -N \
  -n "jixiao build $N units, outputs up to date" "$bin build $(echo $work/units/*.yaml) --allow-errors -o $work/batch --quiet"
docx=$(ls "$work/batch"/*.docx | wc -l); mds=$(ls "$work/batch"/*.md | wc -l)
echo "outputs: $mds Markdown, $docx DOCX (expected $N each)"
[ "$docx" -eq "$N" ] && [ "$mds" -eq "$N" ] || { echo "missing outputs" >&2; exit 1; }
for i in 1 $((N / 2)) "$N"; do
  actual=$(printf '60%02d.%02d' $((i % 80)) $((i % 100)))
  grep -q "行业事务中心第${i}单位" "$work/batch/unit$i.md" \
    && grep -q "全年实际支出${actual}万元" "$work/batch/unit$i.md" \
    || { echo "unit$i.md does not carry its own figures" >&2; exit 1; }
  unzip -p "$work/batch/unit$i.docx" word/document.xml | grep -q "第${i}单位" \
    || { echo "unit$i.docx does not carry its own name" >&2; exit 1; }
done
echo "spot check: units 1, $((N / 2)) and $N carry their own name and 基本支出 figure in Markdown and DOCX"

echo
echo "== (c) peak memory (maximum resident set size)"
echo "jixiao build (1 report):   $(peak "$bin" build data/2024.yaml --allow-errors -o "$work/m")"
echo "pandoc Markdown → DOCX:     $(peak pandoc "$md" -o "$work/m.docx")"
echo "jixiao build ($N units): $(peak "$bin" build "$work"/units/*.yaml --allow-errors -o "$work/mb" --quiet)"

echo
pdf_section
