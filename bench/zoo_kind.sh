#!/bin/bash
# Build one zoo of a round by its name: the letters say its kind, the digits its seed.
#
#     bench/zoo_kind.sh NAME [DEST]      e.g. bench/zoo_kind.sh pq3304 /work/zoo  (makes /work/zoo/pq3304)
#
# s: every converter; q: --quirks (traits of real files); p: --pages through the PDF routes (rl-pdf among
# them); pq: --pages --quirks, LibreOffice's PDF of the web page too; w: the site pages through the text
# tools (w3m, lynx, html2text, pandoc); h: web pages and Word's own formats. Needs the Debian converters.
set -euo pipefail
name=$1; dest=${2:-/tmp}; kind=${name%%[0-9]*}; seed=${name#"$kind"}
cd "$(dirname "$0")/.."
pdf=lo-pdf,pdftotext,pdftotext-layout,pdftotext-raw,pdfplumber,rl-pdf
sites=word-html,wps-html,cms-html,split-html
site_text=""
for site in word-html wps-html cms-html split-html; do
  for tool in w3m lynx html2text pandoc-html-plain; do site_text="$site_text,$site-$tool"; done
done
case $kind in
  s) args=(--count 50) ;;
  q) args=(--count 50 --quirks) ;;
  p) args=(--count 40 --per-report 6 --pages --converters "$pdf") ;;
  pq) args=(--count 40 --per-report 6 --pages --quirks --converters "$pdf,lo-web-pdf") ;;
  w) args=(--count 40 --converters "${site_text#,}") ;;
  h) args=(--count 50 --converters "web,lo-html,mammoth-html,$sites,lo-web-pdf,docx") ;;
  *) echo "unknown kind: $kind (s, q, p, pq, w, h)" >&2; exit 2 ;;
esac
.venv/bin/python bench/zoo.py build "$dest/$name" --seed "$seed" "${args[@]}"
