#!/bin/sh
# A short fuzz run for CI (`npm run fuzz:smoke`: tools/fuzz.sh, SECONDS per target, default 20),
# only where a nightly toolchain and cargo-fuzz are installed; otherwise one line and success.
# Checks with `rustup toolchain list`, not `cargo +nightly`, which could start a nightly download.
set -eu
cd "$(dirname "$0")/.."
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: skipped, no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz: skipped, no cargo-fuzz (cargo install cargo-fuzz)"
  exit 0
fi
exec sh tools/fuzz.sh "${1:-20}"
