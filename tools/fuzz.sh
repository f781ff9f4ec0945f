#!/bin/sh
# Fuzz the reader, reconcile, validate and workbooks for SECONDS each (default 600), seeded from the test fixtures.
# Needs nightly and cargo-fuzz: `rustup toolchain install nightly && cargo install cargo-fuzz`.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
mkdir -p fuzz/corpus/read fuzz/corpus/reconcile
for f in tests/fixtures/*; do
  name=$(basename "$f")
  { printf '\000'; cat "$f"; } > "fuzz/corpus/read/$name"
done
for list in tests/fixtures/kind_*list*.csv tests/fixtures/trap_*list*.csv tests/fixtures/incident_list.csv; do
  [ -e "$list" ] || continue
  name=$(basename "$list")
  { printf '{}\377'; cat tests/fixtures/kind_source.csv; printf '\377'; cat "$list"; } > "fuzz/corpus/reconcile/$name"
done
# Lists without an ID, paired by consensus: the vendor list's first 40 rows, and the kinds asked for it.
{ printf '{}\377'; head -41 tests/fixtures/vendor_source.csv; printf '\377'; head -41 tests/fixtures/vendor_list.csv; } > fuzz/corpus/reconcile/vendor.csv
for list in tests/fixtures/kind_crosswired_list.csv tests/fixtures/kind_duplicate_list.csv; do
  { printf '{"pairing": "consensus"}\377'; cat tests/fixtures/kind_source.csv; printf '\377'; cat "$list"; } > "fuzz/corpus/reconcile/consensus-$(basename "$list")"
done
mkdir -p fuzz/corpus/validate
for schema in schemas/*.json; do
  for file in tests/fixtures/validate_* tests/fixtures/kind_list.csv; do
    [ -e "$file" ] || continue
    { cat "$schema"; printf '\377'; cat "$file"; } > "fuzz/corpus/validate/$(basename "$schema" .json)-$(basename "$file")"
  done
done
mkdir -p fuzz/corpus/workbook
for f in tests/fixtures/wb_*.xls* tests/fixtures/wb_*.ods; do
  { printf '\000'; cat "$f"; } > "fuzz/corpus/workbook/$(basename "$f")"
done
for target in read reconcile validate; do
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=4096
done
# Workbooks are a few KB even when tiny; 2 GB of memory is far above what a fixture needs.
cargo +nightly fuzz run workbook fuzz/corpus/workbook -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
