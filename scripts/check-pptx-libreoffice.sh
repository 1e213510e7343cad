#!/usr/bin/env bash
# Opens each chart kind's PowerPoint export in LibreOffice (Debian's, headless)
# and checks that the converted PDF holds the slide's title and beats; keeps,
# for looking at, LibreOffice's rendering beside our own slide as PNGs.
# Too slow for every commit (LibreOffice starts once per file): run it before
# a release, or after changing the PowerPoint writer.
#
#   scripts/check-pptx-libreoffice.sh            # artefacts in target/pptx-check/
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"

if ! command -v soffice >/dev/null 2>&1; then
  step "LibreOffice Impress (Debian package)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-impress
fi

step "Build the CLI"
cargo build -q -p throughline-cli
CLI="$CARGO_TARGET_DIR/debug/throughline"
OUT="$ROOT/target/pptx-check"
rm -rf "$OUT" && mkdir -p "$OUT"
# LibreOffice keeps its profile here, not in the user's home.
export HOME_LO="$OUT/lo-profile"

failures=0
for story in tests/pptx/stories/*.md; do
  name="$(basename "$story" .md)"
  "$CLI" export "$story" --pptx "$OUT/$name.pptx" >/dev/null
  "$CLI" export "$story" --png "$OUT/$name-ours.png" >/dev/null
  timeout 180 soffice -env:UserInstallation="file://$HOME_LO" --headless --convert-to pdf --outdir "$OUT" "$OUT/$name.pptx" >/dev/null 2>&1
  pdftoppm -png -r 96 -singlefile "$OUT/$name.pdf" "$OUT/$name-libreoffice" >/dev/null
  text="$(pdftotext "$OUT/$name.pdf" - | tr -s '[:space:]' ' ')"
  title="$(sed -n 's/^title: "\(.*\)"$/\1/p' "$story")"
  for expected in "$title" "The $name chart's context" "The $name chart's conflict" "ships the $name fix" "The $name chart's evidence"; do
    if [[ "$text" != *"$expected"* ]]; then
      echo "FAIL $name: \"$expected\" is not in LibreOffice's rendering"
      failures=$((failures + 1))
    fi
  done
  echo "checked $name: $OUT/$name-libreoffice.png beside $OUT/$name-ours.png"
done
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "every chart kind opens in LibreOffice with its title and beats"
