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
# DIST_DIR and BUILD_DIR (default: dist/ and build/) move the output, e.g. for a test.
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
DIST_DIR=${DIST_DIR:-$ROOT/dist}
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
mkdir -p "$DIST_DIR" "$BUILD_DIR"
DIST_DIR=$(cd "$DIST_DIR" && pwd)
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
DIST=$DIST_DIR/$NAME
BIN=$DIST/$NAME
WORK=$BUILD_DIR/pyinstaller
METRICS=$BUILD_DIR/packaging-metrics.txt
VERSION=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' pyproject.toml | head -n 1)

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
  step "PyInstaller (log: $BUILD_DIR/pyinstaller.log)"
  start=$(date +%s)
  if ! .venv/bin/python -m PyInstaller packaging/gongkai.spec --noconfirm --clean \
        --distpath "$DIST_DIR" --workpath "$WORK" >"$BUILD_DIR/pyinstaller.log" 2>&1; then
    tail -n 40 "$BUILD_DIR/pyinstaller.log"
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
LOG=$BUILD_DIR/selftest.log
if ! GONGKAI_SELFTEST_LOG=$LOG "$BIN" --self-test; then
  echo "self-test FAILED (log: $LOG)" >&2
  exit 1
fi
grep -q "自检通过" "$LOG" || { echo "self-test log lacks 自检通过: $LOG" >&2; exit 1; }

# Libraries the bundled binaries need that are neither in the folder nor on this machine: the
# build machine lacked them, so the target desktop must provide them. (PyInstaller bundles
# what it finds; on Debian/Ubuntu the xcb plugin needs e.g. libxcb-icccm4 libxcb-keysyms1
# libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 to be installed.)
MISSING=$(find "$DIST/_internal" -type f -name '*.so*' -print0 \
  | xargs -0 -n 64 env LD_LIBRARY_PATH="$DIST/_internal" ldd 2>/dev/null \
  | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
if [ -n "$MISSING" ]; then
  echo "WARNING: not bundled, missing on this build machine too: $MISSING" >&2
  echo "         install them here and rebuild, or the target desktop must have them" >&2
fi

# On a real X server too, when Xvfb is installed: the xcb platform plugin and the X libraries
# it needs must load from the folder (offscreen does not use them).
if [ -n "$MISSING" ]; then
  XCB="skipped: unbundled libraries"
elif command -v xvfb-run >/dev/null 2>&1; then
  step "Start on an X server (xvfb-run, QT_QPA_PLATFORM=xcb)"
  if ! QT_QPA_PLATFORM=xcb GONGKAI_SELFTEST_LOG=$BUILD_DIR/selftest-xcb.log \
        xvfb-run -a "$BIN" --self-test --startup-only; then
    echo "start on X FAILED (log: $BUILD_DIR/selftest-xcb.log)" >&2
    exit 1
  fi
  XCB=ok
else
  XCB="skipped: no xvfb-run"
  echo "(xvfb-run not installed: the start on X is not checked)"
fi

# --- 4. measures -----------------------------------------------------------------------------
step "Measures"
SIZE_HUMAN=$(du -sh "$DIST" | cut -f1)
SIZE_KB=$(du -sk "$DIST" | cut -f1)
FILES=$(find "$DIST" -type f | wc -l)
echo "folder: $DIST  $SIZE_HUMAN  ($FILES files)"

# Start-to-window: wall time of `--self-test --startup-only` (start the process, import,
# QApplication, translation, main window shown, exit), and the program's own figure from the
# process start to the shown window. The first run warms the disk cache and is not counted.
STARTUP_LOG=$BUILD_DIR/startup.log
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
  echo "xcb_start=$XCB"
  echo "unbundled=$MISSING"
} >"$METRICS"

# --- 5. archive ------------------------------------------------------------------------------
if [ "$ARCHIVE" = 1 ]; then
  step "Archive"
  TARBALL=$DIST_DIR/$NAME-$VERSION-linux-x86_64.tar.gz
  tar -C "$DIST_DIR" -czf "$TARBALL" "$NAME"
  echo "$TARBALL  $(du -sh "$TARBALL" | cut -f1)"
fi

step "OK"
