#!/usr/bin/env bash
# Trains a method for about 2,000 steps on the bundled sample and reports how its resident memory (RSS) grows: the
# least-squares slope in MB per 1,000 steps after the first 200 (warm-up: allocator pools, caches), and RSS at a
# few points. A flat run has a slope near 0.
#
#   examples/scripts/rss-slope.sh                    # RotateNet, 2,000 steps
#   examples/scripts/rss-slope.sh SimCLR 2000 --image-size 32
set -euo pipefail
cd "$(dirname "$0")/../.."

method=${1:-RotateNet}
steps=${2:-2000}
shift $(( $# < 2 ? $# : 2 ))
out=${OUT:-$(mktemp -d -t selfish-rss-XXXX)}
mkdir -p "$out"
dotnet build examples/SelfishGen.Cli -c Release -o "$out/bin" -v quiet -nologo >"$out/build.log" || { cat "$out/build.log"; exit 1; }

# 1,000 of the sample's images in batches of 64: 15 steps per epoch.
epochs=$(( (steps + 14) / 15 ))
"$out/bin/selfish" train --data sample --limit 1000 --no-eval --method "$method" --epochs "$epochs" --batch-size 64 --seed 1 \
  --checkpoint-every end --store "$out/store" --log-steps "$out/steps.csv" "$@" >"$out/train.out" 2>&1

awk -F, -v method="$method" 'NR > 1 && $3 != "skipped" {
    n++; step[n] = $1; rss[n] = $5
    if ($1 >= 200) { k++; sx += $1; sy += $5; sxx += $1 * $1; sxy += $1 * $5 }
  }
  END {
    slope = (k * sxy - sx * sy) / (k * sxx - sx * sx)
    printf "%s: %d steps; RSS %.0f MiB at step %d, %.0f at step %d, %.0f at step %d\n", method, n, rss[1], step[1], rss[int(n / 2)], step[int(n / 2)], rss[n], step[n]
    printf "slope after step 200: %.2f MiB per 1000 steps\n", 1000 * slope
  }' "$out/steps.csv"
echo "Step log: $out/steps.csv"
