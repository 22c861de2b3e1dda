#!/bin/sh
# Builds one libFuzzer target together with the library sources and runs it.
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET: RuleParserFuzz | CSVTableFuzz | LabReportFuzz
#
# Builds into .build-fuzz/ (gitignored). The seed corpus is made at run time in a temp
# directory from Rules/, the test fixtures and Fuzz/Seeds/TARGET/; new inputs found during the
# run stay there (printed at the end). Crashes, leaks and timeouts are written to
# .build-fuzz/findings/TARGET/. Leak checking is off: Swift packs enum tags into pointer bits,
# which LeakSanitizer takes for leaks (false positives). Needs swiftc with -sanitize=fuzzer (the Linux toolchain has it).
set -eu

if [ $# -lt 2 ]; then
    echo "usage: Fuzz/run.sh RuleParserFuzz|CSVTableFuzz|LabReportFuzz SECONDS [libFuzzer flags...]" >&2
    exit 64
fi
target=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
case "$target" in
    RuleParserFuzz|CSVTableFuzz|LabReportFuzz) ;;
    *) echo "unknown target '$target'" >&2; exit 64 ;;
esac

build="$root/.build-fuzz"
mkdir -p "$build/findings/$target"
binary="$build/$target"
sources=$(find Sources/GutPlanKit -name '*.swift' | LC_ALL=C sort)
if [ ! -x "$binary" ] || [ -n "$(find Sources/GutPlanKit Fuzz -name '*.swift' -newer "$binary" | head -n 1)" ]; then
    echo "building $binary" >&2
    # shellcheck disable=SC2086
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name GutPlanFuzz \
        -swift-version 6 $sources Fuzz/FuzzSupport.swift "Fuzz/$target.swift" -o "$binary"
fi

corpus=$(mktemp -d "${TMPDIR:-/tmp}/gutplan-fuzz-$target.XXXXXX")
case "$target" in
    RuleParserFuzz)
                    i=0; for f in $(find Rules Tests -name '*.rules'); do cp "$f" "$corpus/seed-$i"; i=$((i + 1)); done ;;
    CSVTableFuzz)   i=0; for f in $(find Rules Tests -name '*.csv'); do cp "$f" "$corpus/seed-$i"; i=$((i + 1)); done ;;
    LabReportFuzz)  i=0; for f in $(find Rules Tests -name '*lab*.csv'); do cp "$f" "$corpus/seed-$i"; i=$((i + 1)); done ;;
esac
if [ -d "Fuzz/Seeds/$target" ]; then cp Fuzz/Seeds/"$target"/* "$corpus/" 2>/dev/null || true; fi

export GUTPLAN_FUZZ_RULES="$root/Rules"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
status=0
"$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$build/findings/$target/" "$@" || status=$?
echo "corpus: $corpus ($(ls "$corpus" | wc -l) inputs)" >&2
exit $status
