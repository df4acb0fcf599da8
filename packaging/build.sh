#!/usr/bin/env bash
# Build the Linux one-folder program and prove it works.
#
#     bash packaging/build.sh [--no-archive] [--skip-build] [--runs N]
#
# 1. Python: the existing .venv (or a new one with `pip install -e .[build]`; PyInstaller is
#    installed only when missing, so a prepared machine needs no network).
# 2. pyinstaller packaging/gongkai.spec  ->  dist/GongkaiShenhe/
# 3. The frozen program's --self-test, offscreen (QT_QPA_PLATFORM=offscreen).
# 4. Measures: folder size (du -sh), start-to-window time of the frozen program
#    (--self-test --startup-only, best and median of N runs), newest glibc symbol it needs.
# 5. dist/GongkaiShenhe-<version>-linux-x86_64.tar.gz (unless --no-archive).
#
# Figures go to stdout and to build/packaging-metrics.txt (key=value lines).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ARCHIVE=1
BUILD=1
RUNS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --no-archive) ARCHIVE=0 ;;
    --skip-build) BUILD=0 ;;
    --runs) RUNS=$2; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

NAME=GongkaiShenhe
DIST=$ROOT/dist/$NAME
BIN=$DIST/$NAME
WORK=$ROOT/build/pyinstaller
METRICS=$ROOT/build/packaging-metrics.txt
VERSION=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' pyproject.toml | head -n 1)
mkdir -p "$ROOT/build"

step() { printf '\n== %s\n' "$*"; }

# --- 1. Python -------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  step "Python environment"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[build]"
  elif ! .venv/bin/python -c "import PyInstaller, PySide6, openpyxl, docx, pdfplumber" 2>/dev/null; then
    .venv/bin/python -m pip install --quiet -e ".[build]"
  fi
  .venv/bin/python -c "import sys, PyInstaller, PySide6; print('Python', sys.version.split()[0], '| PyInstaller', PyInstaller.__version__, '| PySide6', PySide6.__version__)"

  # --- 2. PyInstaller ------------------------------------------------------------------------
  step "PyInstaller (log: build/pyinstaller.log)"
  start=$(date +%s)
  if ! .venv/bin/python -m PyInstaller packaging/gongkai.spec --noconfirm --clean \
        --distpath "$ROOT/dist" --workpath "$WORK" >"$ROOT/build/pyinstaller.log" 2>&1; then
    tail -n 40 "$ROOT/build/pyinstaller.log"
    echo "PyInstaller failed" >&2
    exit 1
  fi
  echo "built $DIST in $(( $(date +%s) - start )) s"
fi
[ -x "$BIN" ] || { echo "no program at $BIN" >&2; exit 1; }

# The build must carry Qt's Chinese strings and the whole resources folder.
for f in _internal/PySide6/Qt/translations/qtbase_zh_CN.qm \
         _internal/resources/2021-official-template.docx \
         _internal/resources/icons/app.png; do
  [ -f "$DIST/$f" ] || { echo "missing from the build: $f" >&2; exit 1; }
done
[ -n "$(ls "$DIST/_internal/resources/samples")" ] || { echo "missing from the build: resources/samples" >&2; exit 1; }

# --- 3. self-test ----------------------------------------------------------------------------
step "Self-test of the frozen program"
export QT_QPA_PLATFORM=offscreen
LOG=$ROOT/build/selftest.log
if ! GONGKAI_SELFTEST_LOG=$LOG "$BIN" --self-test; then
  echo "self-test FAILED (log: $LOG)" >&2
  exit 1
fi
grep -q "自检通过" "$LOG" || { echo "self-test log lacks 自检通过: $LOG" >&2; exit 1; }

# --- 4. measures -----------------------------------------------------------------------------
step "Measures"
SIZE_HUMAN=$(du -sh "$DIST" | cut -f1)
SIZE_KB=$(du -sk "$DIST" | cut -f1)
FILES=$(find "$DIST" -type f | wc -l)
echo "folder: $DIST  $SIZE_HUMAN  ($FILES files)"

# Start-to-window: wall time of `--self-test --startup-only` (start the process, import,
# QApplication, translation, main window shown, exit), and the program's own figure from the
# process start to the shown window. The first run warms the disk cache and is not counted.
STARTUP_LOG=$ROOT/build/startup.log
GONGKAI_SELFTEST_LOG=$STARTUP_LOG "$BIN" --self-test --startup-only >/dev/null
walls=()
shown=()
for _ in $(seq "$RUNS"); do
  t0=$(date +%s.%N)
  GONGKAI_SELFTEST_LOG=$STARTUP_LOG "$BIN" --self-test --startup-only >/dev/null
  t1=$(date +%s.%N)
  walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')")
  shown+=("$(sed -n 's/.*窗口显示用时：\([0-9.]*\) 秒.*/\1/p' "$STARTUP_LOG")")
done
stats() {  # best and median of the arguments
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.2f %.2f", a[1], a[int((NR+1)/2)]}'
}
read -r WALL_BEST WALL_MEDIAN <<<"$(stats "${walls[@]}")"
read -r SHOWN_BEST SHOWN_MEDIAN <<<"$(stats "${shown[@]}")"
echo "start to window shown (program's own clock): best $SHOWN_BEST s, median $SHOWN_MEDIAN s over $RUNS runs"
echo "whole run incl. exit (wall clock):           best $WALL_BEST s, median $WALL_MEDIAN s"

# Newest glibc symbol version any bundled binary needs (Kylin/UOS ship glibc 2.28-2.31).
GLIBC=$(grep -aohr 'GLIBC_2\.[0-9]*' "$DIST" | sort -uV | tail -n 1)
echo "newest glibc symbol needed: $GLIBC"

{
  echo "version=$VERSION"
  echo "size_kb=$SIZE_KB"
  echo "size_human=$SIZE_HUMAN"
  echo "files=$FILES"
  echo "startup_shown_best=$SHOWN_BEST"
  echo "startup_shown_median=$SHOWN_MEDIAN"
  echo "startup_wall_best=$WALL_BEST"
  echo "startup_wall_median=$WALL_MEDIAN"
  echo "glibc=$GLIBC"
} >"$METRICS"

# --- 5. archive ------------------------------------------------------------------------------
if [ "$ARCHIVE" = 1 ]; then
  step "Archive"
  TARBALL=$ROOT/dist/$NAME-$VERSION-linux-x86_64.tar.gz
  tar -C "$ROOT/dist" -czf "$TARBALL" "$NAME"
  echo "$TARBALL  $(du -sh "$TARBALL" | cut -f1)"
fi

step "OK"
