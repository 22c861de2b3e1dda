#!/bin/sh
# Builds one libFuzzer target together with the library sources and runs it.
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#   Fuzz/run.sh --build-only TARGET|all     compile only (what .ci/run does), never run
#   TARGET: RuleParserFuzz | CSVTableFuzz | LabReportFuzz
#
# Builds into .build-fuzz/ (gitignored). The seed corpus is made at run time in a temp
# directory from Rules/, the test fixtures and Fuzz/Seeds/TARGET/; new inputs found during the
# run stay there (printed at the end). Crashes, leaks and timeouts are written to
# .build-fuzz/findings/TARGET/. Leak checking is off: Swift packs enum tags into pointer bits,
# which LeakSanitizer takes for leaks (false positives). Needs swiftc with -sanitize=fuzzer (the Linux toolchain has it).
set -eu

usage() {
    echo "usage: Fuzz/run.sh RuleParserFuzz|CSVTableFuzz|LabReportFuzz SECONDS [libFuzzer flags...]" >&2
    echo "       Fuzz/run.sh --build-only TARGET|all    (compile only, for CI; never runs)" >&2
    exit 64
}
targets="RuleParserFuzz CSVTableFuzz LabReportFuzz"
build_only=0
if [ "${1:-}" = "--build-only" ]; then
    build_only=1
    [ $# -eq 2 ] || usage
    target=$2
    seconds=0
else
    [ $# -ge 2 ] || usage
    target=$1
    seconds=$2
    shift 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "$build_only" -eq 1 ] && [ "$target" = all ]; then
    for t in $targets; do "$0" --build-only "$t" || exit $?; done
    exit 0
fi
case "$target" in
    RuleParserFuzz|CSVTableFuzz|LabReportFuzz) ;;
    *) echo "unknown target '$target'" >&2; exit 64 ;;
esac

build="$root/.build-fuzz"
sources=$(find Sources/GutPlanKit -name '*.swift' | LC_ALL=C sort)

if [ "$build_only" -eq 1 ]; then
    # Type-check and compile (no optimiser, no link) with the flags of a real fuzz build, so a
    # target that no longer matches the library fails CI. Where the toolchain has libFuzzer the
    # sanitizer flags are used too; where it does not, the same sources are compiled without
    # them (and this says so), so CI still passes on such a machine.
    mkdir -p "$build/check"
    probe="$build/check/probe.swift"
    printf '@_cdecl("LLVMFuzzerTestOneInput")\npublic func probe(_ d: UnsafePointer<UInt8>, _ n: Int) -> CInt { 0 }\n' > "$probe"
    flags="-sanitize=fuzzer,address"
    if ! swiftc $flags -parse-as-library "$probe" -o "$build/check/probe" >/dev/null 2>&1; then
        echo "note: this toolchain has no libFuzzer; compiling $target without -sanitize=fuzzer,address" >&2
        flags=""
    fi
    echo "compiling $target (build only)" >&2
    # shellcheck disable=SC2086
    swiftc $flags -parse-as-library -Onone -module-name GutPlanFuzz -swift-version 6 -c -wmo \
        $sources Fuzz/FuzzSupport.swift "Fuzz/$target.swift" -o "$build/check/$target.o"
    echo "ok: $target compiles" >&2
    exit 0
fi

mkdir -p "$build/findings/$target"
binary="$build/$target"
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
