#!/usr/bin/env bash
# Coverage-guided fuzzing of DocAlign with libFuzzer (Fuzz/README.md).
#
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]
#
# Builds each target in Fuzz/Targets (with Fuzz/Harness.swift, the DocAlign library and the C
# bridge, all instrumented for libFuzzer and AddressSanitizer) into .build-fuzz/, seeds its corpus
# from Examples/ and the test fixtures, and runs it for SECONDS_PER_TARGET seconds (default 60).
# Exits non-zero on a crash, a broken invariant (a fatalError in the harness), a hang (an input
# taking more than FUZZ_TIMEOUT seconds, default 10) or running out of memory (FUZZ_RSS_MB,
# default 4096); the input that did it is saved as .build-fuzz/artifacts/TARGET-crash-… (replay:
# .build-fuzz/fuzz-TARGET FILE). Prints the executions of each target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
all=(decoder segmenter structure summary-aligner parallel-aligner)
targets=("${@:-${all[@]}}")
out=$root/.build-fuzz
timeout_s=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-4096}
mkdir -p "$out/module/CICU" "$out/artifacts" "$out/logs"

swiftc=$(command -v swiftc)
clang=$(dirname "$swiftc")/clang
[ -x "$clang" ] || clang=$(command -v clang)
optimize=${FUZZ_OPTIMIZE:--O}

# 1. The C bridge, instrumented, and a module map for Swift to import it.
# shellcheck disable=SC2046
# Every C file of the bridge (ICU, Snowball), one object each, linked into one archive.
rm -f "$out/cicu.a"
for c in Sources/CICU/*.c; do
  "$clang" -c "$c" -O1 -g -fsanitize=fuzzer-no-link,address -I Sources/CICU/include \
    $(pkg-config --cflags icu-uc icu-i18n) -o "$out/$(basename "$c" .c).o"
  ar rcs "$out/cicu.a" "$out/$(basename "$c" .c).o"
done
cat >"$out/module/CICU/module.modulemap" <<MAP
module CICU {
  header "$root/Sources/CICU/include/cicu.h"
  export *
}
MAP

# 2. The library, once, as a static library with its module (rebuilt when a source changed).
sources=$(find Sources/DocAlign -name '*.swift' | sort)
stamp=$out/DocAlign.stamp
if [ ! -f "$out/libDocAlign.a" ] || [ -n "$(find Sources/DocAlign Sources/CICU -newer "$stamp" -type f -print -quit 2>/dev/null)" ]; then
  echo "fuzz: building the DocAlign library (instrumented, $optimize)"
  # shellcheck disable=SC2086
  "$swiftc" -parse-as-library -emit-library -static -emit-module -module-name DocAlign -swift-version 6 \
    $optimize -g -sanitize=fuzzer,address -I "$out/module" -Xcc -I"$root/Sources/CICU/include" \
    -emit-module-path "$out/DocAlign.swiftmodule" -o "$out/libDocAlign.a" $sources
  touch "$stamp"
fi

# 3. Seeds: the example pages, the fixtures, and pieces of the pages (small inputs mutate fast).
seed_dir=$out/seeds
rm -rf "$seed_dir"
mkdir -p "$seed_dir"
for f in Examples/un-press-releases/*.txt Tests/DocAlignTests/Fixtures/coverage/*.txt \
  Tests/DocAlignTests/Fixtures/parallel/base.* Tests/DocAlignTests/Fixtures/parallel/variant.*; do
  cp "$f" "$seed_dir/$(basename "$f")"
done
for f in Examples/un-press-releases/*.txt; do
  size=$(wc -c <"$f")
  for k in 0 1 2 3; do
    dd if="$f" of="$seed_dir/piece-$k-$(basename "$f")" bs=4096 iflag=skip_bytes,count_bytes \
      skip=$((k * size / 4)) count=3000 status=none
  done
done
# Parallel mode: a source and a target joined by a NUL byte (the parallel target splits there).
{ cat Tests/DocAlignTests/Fixtures/parallel/base.zh; printf '\0'; cat Tests/DocAlignTests/Fixtures/parallel/variant.en; } >"$seed_dir/pair-zh-en"
{ printf '\1'; cat Tests/DocAlignTests/Fixtures/parallel/base.en; printf '\0'; cat Tests/DocAlignTests/Fixtures/parallel/variant.en; } >"$seed_dir/pair-en-en"

export DOCALIGN_RESOURCES=$root/Resources
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
status=0
summary=()
for target in "${targets[@]}"; do
  src=Fuzz/Targets/$target.swift
  [ -f "$src" ] || { echo "fuzz: no target $target (have: ${all[*]})"; exit 2; }
  bin=$out/fuzz-$target
  if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] || [ Fuzz/Harness.swift -nt "$bin" ] || [ "$stamp" -nt "$bin" ]; then
    echo "fuzz: building $target"
    "$swiftc" -parse-as-library -swift-version 6 $optimize -g -sanitize=fuzzer,address -module-name "fuzz_${target//-/_}" \
      -I "$out" -I "$out/module" Fuzz/Harness.swift "$src" "$out/libDocAlign.a" "$out/cicu.a" \
      -licui18n -licuuc -licudata -lstemmer -lstdc++ -o "$bin" 2> >(grep -v "Cannot export local symbol" >&2)
  fi
  corpus=$out/corpus/$target
  mkdir -p "$corpus"
  log=$out/logs/$target.log
  # Whole pages are needed for a structure; the other targets mutate faster on small inputs
  # (longer seeds are cut to the limit).
  case $target in structure | summary-aligner) max_len=65536 ;; *) max_len=8192 ;; esac
  echo "fuzz: running $target for ${seconds}s"
  set +e
  "$bin" "$corpus" "$seed_dir" -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$out/artifacts/$target-" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if [ $rc -ne 0 ]; then
    status=1
    summary+=("$target: FAILED (exit $rc) after $runs executions — see $log")
    grep -E "invariant broken|ERROR: |Fatal error|SUMMARY|Test unit written|timeout" "$log" | head -10 || true
  else
    summary+=("$target: ok, $runs executions in ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs")
  fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
