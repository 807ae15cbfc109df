#!/usr/bin/env bash
# Training speed with 1 and 2 ranks on one machine: `selfish train` as 1 process with 1 thread, as 2 ranks under
# mpirun with 1 thread each (the same global batch), and as 1 process with 2 threads, alternating in rounds so that
# the three share whatever else the machine runs. Prints one line per run: images/s, rank 0's time in collectives
# (moving data and waiting for the other rank), the CPU seconds of all its processes, and the load average before
# and after.
#
#   examples/scripts/mpi-speed.sh                                   # SimCLR, ConvNet, batch 256, 1 epoch, 3 rounds
#   examples/scripts/mpi-speed.sh --sync-bn                         # the same with synchronised batch norm
#   ROUNDS=2 DATA=/data/images examples/scripts/mpi-speed.sh --method BYOL --batch-size 128
#
# Extra arguments go to every `selfish train` (they override the defaults below). Needs Open MPI's mpirun.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=${OUT:-$(mktemp -d -t selfish-mpi-speed-XXXX)}
mkdir -p "$out"
echo "Building the selfish command into $out/bin ..."
dotnet build examples/SelfishGen.Cli -c Release -o "$out/bin" -v quiet -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }
selfish="$out/bin/selfish"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
train=(train --data "${DATA:-sample}" --no-eval --method SimCLR --batch-size 256 --epochs 1 "$@")

run() { # name, threads per process, launcher...
  local name=$1 threads=$2 store log
  shift 2
  store=$(mktemp -d -p "$out")
  log="$out/$name.$round.log"
  local before
  before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "cpu %U %S" -o "$log.time" "$@" "$selfish" "${train[@]}" --threads "$threads" --store "$store/run" >"$log" 2>&1
  local speed share cpu
  speed=$(grep -o 'Trained [0-9]* steps at [0-9]* images/s' "$log" | grep -o '[0-9]* images/s' || echo "failed")
  share=$(tr '\n' ' ' <"$log" | grep -o 'Rank 0 spent [^(]*([0-9]* %)' | grep -o '[0-9]* %' || echo "-")
  cpu=$(awk '{printf "%.0f", $2 + $3}' "$log.time")
  printf '%-28s round %s: %12s, collectives %5s, CPU %4s s, load %s -> %s\n' "$name" "$round" "$speed" "$share" "$cpu" \
    "$before" "$(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$store"
}

for round in $(seq 1 "${ROUNDS:-3}"); do
  run "1 process, 1 thread" 1
  run "2 ranks, 1 thread each" 1 mpirun --bind-to none -np 2
  run "1 process, 2 threads" 2
done
echo "Logs in $out"
