#!/bin/sh
# Runs one test of a sanitizer build (VIGIL_SANITIZERS) and fails it when any process it started
# reported something. Usage: run_sanitized.sh COMMAND [ARG…]
#
# Every process inherits the options below, so reports from the servers and CLIs a test starts
# (vigil-server, vigil-device) land in the same private folder as the test's own: a child's report
# would otherwise vanish into a log file nobody reads, or make only that child's exit code odd.
# Options already in the environment are kept, except log_path, which this script owns.
set -u
here=$(cd "$(dirname "$0")" && pwd)
reports=$(mktemp -d "${TMPDIR:-/tmp}/vigil-sanitizer.XXXXXX")

ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1\
:check_initialization_order=1:strict_init_order=1:detect_odr_violation=2\
${ASAN_OPTIONS:+:$ASAN_OPTIONS}:log_path=$reports/asan"
LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp\
${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}:log_path=$reports/ubsan"
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

status=0
"$@" || status=$?

found=0
for report in "$reports"/*; do
    [ -e "$report" ] || continue
    found=1
    echo "=== sanitizer report $(basename "$report") ==="
    cat "$report"
done
rm -rf "$reports"

if [ "$found" -ne 0 ]; then
    echo "FAIL: a sanitizer reported a problem in the test or a process it started (see above)"
    [ "$status" -ne 0 ] || status=1
fi
exit "$status"
