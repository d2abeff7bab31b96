#!/usr/bin/env bash
# Assembles the fuzzers' seed corpora from files shipped in the repository
# (nothing large is committed):
#   tests/fuzz/seeds.sh BUILD_DIR CORPUS_DIR
# creates CORPUS_DIR/<fuzzer>/ holding that fuzzer's seeds. Files already in
# a corpus directory (inputs found by earlier runs) are kept. BUILD_DIR is a
# fuzz build (CHAINTRACE_BUILD_FUZZERS=ON) with ledger_seed_tool built.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=$1
corpus_dir=$2

# seed FUZZER FILE...: copies each FILE into FUZZER's corpus, named by its
# path in the repository so that two files of the same name do not clash.
seed() {
  local fuzzer=$1; shift
  mkdir -p "$corpus_dir/$fuzzer"
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    local rel=${f#"$root"/}
    cp "$f" "$corpus_dir/$fuzzer/${rel//\//_}"
  done
}

shopt -s nullglob globstar
text_ledgers=("$root"/tests/model/testdata/*.textproto "$root"/tests/data/ledgers/*.textproto)

seed scenario_fuzzer "$root"/scenarios/**/*.textproto \
  "$root"/tests/data/scenarios/**/*.textproto "$root"/tests/data/malformed/*
seed ledger_text_fuzzer "${text_ledgers[@]}"

# dict FUZZER PROTO...: a libFuzzer dictionary (CORPUS_DIR/FUZZER.dict) of
# the field names and enum values of PROTO, so that mutations of text inputs
# produce known fields.
dict() {
  local fuzzer=$1; shift
  sed -n -E \
    -e 's/^ *(optional|repeated|required) +[A-Za-z0-9_.]+ +([a-z0-9_]+) *=.*/\2/p' \
    -e 's/^ *(map<[^>]*>|[A-Za-z][A-Za-z0-9_.]*) +([a-z][a-z0-9_]*) *= *[0-9].*/\2/p' \
    -e 's/^ *([A-Z][A-Z0-9_]+) *= *[0-9]+.*/\1/p' "$@" |
    sort -u | sed 's/.*/"&"/' >"$corpus_dir/$fuzzer.dict"
}

dict scenario_fuzzer "$root"/proto/scenario.proto "$root"/proto/common.proto
dict ledger_text_fuzzer "$root"/proto/ledger.proto "$root"/proto/common.proto

mkdir -p "$corpus_dir/ledger_binary_fuzzer"
"$build_dir/tests/fuzz/ledger_seed_tool" "$corpus_dir/ledger_binary_fuzzer" \
  "${text_ledgers[@]}"

# import_fuzzer: the first byte picks the importer (0 transfers CSV,
# 1 Bitcoin Core JSON, 2 labels CSV), the rest is the file.
mkdir -p "$corpus_dir/import_fuzzer"
for f in "$root"/tests/data/import/*.csv; do
  { printf '\000'; cat "$f"; } >"$corpus_dir/import_fuzzer/csv_$(basename "$f")"
  { printf '\002'; cat "$f"; } >"$corpus_dir/import_fuzzer/labels_$(basename "$f")"
done
for f in "$root"/tests/data/import/*.json; do
  { printf '\001'; cat "$f"; } >"$corpus_dir/import_fuzzer/json_$(basename "$f")"
done
