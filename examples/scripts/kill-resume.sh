#!/usr/bin/env bash
# Kills `selfish train` with SIGKILL at a random step, resumes it with --resume, and compares the result with the same
# run left alone: the final checkpoints (weights, optimizer state, queues, momentum encoders, position) must be equal
# byte for byte, and every step's loss the same. Runs RotateNet, SimCLR, MoCo and BYOL on the small ConvNet and on
# EfficientNet-B0 (the bundled sample resized to 64 px), all with a cosine learning-rate schedule.
#
#   examples/scripts/kill-resume.sh                 # every case
#   examples/scripts/kill-resume.sh MoCo BYOL       # the cases whose name contains one of the words
#   SEED=7 OUT=/tmp/kr examples/scripts/kill-resume.sh
#
# Prints one line per case and exits 1 if any case differs.
set -euo pipefail
cd "$(dirname "$0")/../.."

out=${OUT:-$(mktemp -d -t selfish-kill-resume-XXXX)}
RANDOM=${SEED:-$$}
mkdir -p "$out"
echo "Building the selfish command into $out/bin ..."
dotnet build examples/SelfishGen.Cli -c Release -o "$out/bin" -v quiet -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }
selfish="$out/bin/selfish"

# name | arguments (every case: 1,000 images of the bundled sample, no evaluation, seed 3, cosine schedule, a checkpoint every 5 steps)
cases=(
  "RotateNet ConvNet|--method RotateNet --epochs 3 --batch-size 64"
  "SimCLR ConvNet|--method SimCLR --epochs 3 --batch-size 64"
  "MoCo ConvNet|--method MoCo --epochs 3 --batch-size 64 --set Queue=1024"
  "BYOL ConvNet|--method BYOL --epochs 3 --batch-size 64"
  "RotateNet EfficientNet-B0 64px|--method RotateNet --epochs 1 --batch-size 32 --image-size 64 --set Backbone=EfficientNetB0"
  "SimCLR EfficientNet-B0 64px|--method SimCLR --epochs 1 --batch-size 32 --image-size 64 --set Backbone=EfficientNetB0"
  "MoCo EfficientNet-B0 64px|--method MoCo --epochs 1 --batch-size 32 --image-size 64 --set Backbone=EfficientNetB0 --set Queue=1024"
  "BYOL EfficientNet-B0 64px|--method BYOL --epochs 1 --batch-size 32 --image-size 64 --set Backbone=EfficientNetB0"
)

# Lines in a step log, header excluded.
logged() { [ -f "$1" ] && echo $(( $(wc -l <"$1") - 1 )) || echo 0; }

failed=0
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  read -r -a args <<<"${entry#*|}"
  if [ $# -gt 0 ]; then
    wanted=no
    for word in "$@"; do [[ $name == *"$word"* ]] && wanted=yes; done
    [ $wanted = yes ] || continue
  fi
  dir="$out/${name// /-}"
  rm -rf "$dir" && mkdir -p "$dir"
  common=(train --data sample --limit 1000 --no-eval --seed 3 --schedule cosine --warmup-epochs 1 --checkpoint-every 5 "${args[@]}")

  "$selfish" "${common[@]}" --store "$dir/straight" --log-steps "$dir/straight.csv" >"$dir/straight.out" 2>&1
  total=$(logged "$dir/straight.csv")

  # Kill somewhere after the first checkpoint and before the end.
  target=$(( 6 + RANDOM % (total - 8) ))
  "$selfish" "${common[@]}" --store "$dir/killed" --log-steps "$dir/killed.csv" >"$dir/killed.out" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(logged "$dir/killed.csv")" -lt "$target" ]; do sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  killed_at=$(logged "$dir/killed.csv")
  saved=$(grep -o 'Saved after [0-9]* steps' "$dir/killed.out" | tail -1 | grep -o '[0-9]*' || echo 0)

  "$selfish" "${common[@]}" --store "$dir/killed" --log-steps "$dir/killed.csv" --resume >"$dir/resumed.out" 2>&1

  # The last loss logged for each step (a redone step must repeat the loss it logged before the kill).
  losses() { awk -F, 'NR > 1 { if (($1 in loss) && loss[$1] != $3) print "step " $1 " logged " loss[$1] " then " $3 > "/dev/stderr"; loss[$1] = $3 }
                      END { for (s in loss) print s "," loss[s] }' "$1" | sort -n; }
  same_losses=$(comm -12 <(losses "$dir/straight.csv") <(losses "$dir/killed.csv" 2>"$dir/redone.txt") | wc -l)
  if cmp -s "$dir/straight.ckpt" "$dir/killed.ckpt" && [ "$same_losses" -eq "$total" ] && [ ! -s "$dir/redone.txt" ]; then
    verdict="IDENTICAL"
  else
    verdict="DIFFERENT"
    failed=1
  fi
  printf '%-32s killed after step %3d of %3d (last checkpoint: %3d steps), resumed: final checkpoint %s, %d of %d step losses equal\n' \
    "$name" "$killed_at" "$total" "$saved" "$( cmp -s "$dir/straight.ckpt" "$dir/killed.ckpt" && echo equal || echo differs )" "$same_losses" "$total"
  echo "  -> $verdict"
done
echo "Logs and checkpoints in $out"
exit $failed
