#!/usr/bin/env bash
# A quality table of many methods, a few hours of CPU at a time: one `selfish bench quality` process per method, in
# LANES niced lanes side by side (THREADS intra-op threads each), every method with the same epoch budget and its
# recipe. The script can be stopped (Ctrl+C or kill -TERM: every running method saves a checkpoint and no new one
# starts) and started again over several days: a finished method is not run again, a stopped one resumes from its
# last checkpoint (`bench quality --resume`). After every method it merges the reports finished so far into
# $OUT/table (quality.md, quality.json, plots).
#
#   examples/scripts/quality-table.sh                                   # every method, CIFAR-10, 10 epochs, 2 lanes
#   METHODS="MoCo SimCLR" EPOCHS=20 examples/scripts/quality-table.sh
#   DATA=fashion-mnist OUT=bench/fmnist-table examples/scripts/quality-table.sh
#
# Environment: DATA (cifar10 or fashion-mnist or a folder, default cifar10; CIFAR-10 is found as `bench quality`
# finds it: $SELFISH_CIFAR10, dataset/cifar10, ...), EPOCHS (10), LANES (2), THREADS (1), MONITOR (kNN monitor every
# N steps, 98), NICE (10), OUT (bench/table-<data>-<epochs>), METHODS (default: every method `selfish list` shows).
# Extra arguments go to every `bench quality` (e.g. --backbone resnet18).
set -euo pipefail
cd "$(dirname "$0")/../.."

data=${DATA:-cifar10}
epochs=${EPOCHS:-10}
lanes=${LANES:-2}
out=${OUT:-bench/table-$data-$epochs}
mkdir -p "$out"
echo "Building the selfish command into $out/bin ..."
dotnet build examples/SelfishGen.Cli -c Release -o "$out/bin" -v quiet -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }
selfish="$out/bin/selfish"
read -r -a methods <<<"${METHODS:-$("$selfish" list --names)}"

# Each run has a session of its own (setsid), out of reach of the terminal's Ctrl+C: a stop reaches it once, as the
# SIGTERM sent here (on which it saves a checkpoint and ends; a second signal would end it at once, unsaved), and the
# lanes start no other method. Where the kernel schedules by session (sched_autogroup_enabled), a new session is a
# scheduling group of its own, and nice weighs a process only against its own group: the group is niced too, or a
# lane would take as much CPU as the user's whole terminal session, whatever its nice.
niced_session() { # command...
  setsid --wait bash -c 'echo "$1" 2>/dev/null >/proc/self/autogroup || true; exec nice -n "$1" "${@:2}"' niced_session "${NICE:-10}" "$@"
}
rm -f "$out/.stopping"
stop() {
  touch "$out/.stopping"
  echo "Stopping: each running method saves a checkpoint first ..."
  pkill -TERM -f "^$selfish bench quality" || true
  wait
  exit 130
}
trap stop INT TERM

run_method() { # method, extra arguments...; a report appears only when its run has finished
  local method=$1 folder="$out/$1"
  shift
  [[ -f "$folder/quality.json" || -f "$out/.stopping" ]] && return 0
  mkdir -p "$folder.partial"
  echo "$(date +%T) $method: started, load $(cut -d' ' -f1-3 /proc/loadavg)"
  if niced_session "$selfish" bench quality --data "$data" --backbone convnet --epochs "$epochs" --resume \
      --threads "${THREADS:-1}" --monitor-every "${MONITOR:-98}" --methods "$method" --out "$folder.partial" "$@" \
      >>"$folder.partial/run.log" 2>&1; then
    rm -rf "$folder" && mv "$folder.partial" "$folder"
    echo "$(date +%T) $method: done, load $(cut -d' ' -f1-3 /proc/loadavg)"
  elif [[ -f "$out/.stopping" ]]; then
    echo "$(date +%T) $method: stopped after saving; run the script again to resume"
  else
    echo "$(date +%T) $method: failed, see $folder.partial/run.log"
  fi
}

merge() {
  local done=()
  for method in "${methods[@]}"; do [[ -f "$out/$method/quality.json" ]] && done+=("$out/$method"); done
  ((${#done[@]} > 0)) && flock "$out/.merge.lock" "$selfish" bench merge "${done[@]}" --out "$out/table" >/dev/null
}

for ((lane = 0; lane < lanes; lane++)); do
  (
    for ((i = lane; i < ${#methods[@]}; i += lanes)); do
      run_method "${methods[i]}" "$@"
      merge
    done
  ) &
done
wait
merge && echo "Table of the methods done so far: $out/table/quality.md"
