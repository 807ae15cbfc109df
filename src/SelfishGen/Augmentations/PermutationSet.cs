namespace SelfishGen.Augmentations;

/// <summary>
/// A list of permutations of 0..<see cref="Length"/>−1 used as jigsaw classes: row i is class i, and row[n] is where
/// the patch from cell n goes.
/// </summary>
public sealed class PermutationSet
{
    private const int MaxCandidates = 20_000;
    private readonly int[][] _rows;

    private PermutationSet(int[][] rows, int length)
    {
        _rows = rows;
        Length = length;
    }

    /// <summary>Number of permutations (classes).</summary>
    public int Count => _rows.Length;

    /// <summary>Number of elements each permutation arranges.</summary>
    public int Length { get; }

    /// <summary>Permutation <paramref name="index"/>.</summary>
    public IReadOnlyList<int> this[int index] => _rows[index];

    /// <summary>The first <paramref name="count"/> permutations (as the original keeps its first <c>total_perms</c> rows).</summary>
    public PermutationSet Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return new PermutationSet(_rows[..count], Length);
    }

    /// <summary>The number of permutations of <paramref name="n"/> elements, n!; <see cref="long.MaxValue"/> past 20 elements, where n! exceeds it.</summary>
    public static long CountOf(int n) => n > 20 ? long.MaxValue : Enumerable.Range(1, n).Aggregate(1L, (product, k) => product * k);

    /// <summary>The most permutations <see cref="MaxHamming"/> can choose among <paramref name="n"/> elements: its candidates, all n! up to 20,000, else 20,000.</summary>
    public static int MaxHammingLimit(int n) => (int)Math.Min(CountOf(n), MaxCandidates);

    /// <summary>All rows as an int64 tensor of shape <see cref="Count"/>×<see cref="Length"/>.</summary>
    public torch.Tensor ToTensor() =>
        torch.tensor(_rows.SelectMany(row => row.Select(value => (long)value)).ToArray(), [Count, Length]);

    /// <summary>All n! permutations of 0..n−1 in lexicographic order (row 0 is the identity; 24 rows for n = 4).</summary>
    public static PermutationSet All(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 9);
        return new PermutationSet([.. Lexicographic(Enumerable.Range(0, n).ToArray())], n);
    }

    /// <summary>
    /// Greedy maximal-mean-Hamming selection (Noroozi and Favaro, 2016): start from a random permutation, then
    /// repeatedly add the candidate with the largest mean Hamming distance to those already chosen (the first on
    /// ties). Candidates are all permutations when there are at most 20,000, otherwise 20,000 distinct random ones,
    /// which keeps a selection of ~100 from 9! fast. The same seed gives the same set.
    /// </summary>
    public static PermutationSet MaxHamming(int cells, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        var candidates = Candidates(cells, random);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, candidates.Length);
        var distanceSums = new long[candidates.Length];
        var taken = new bool[candidates.Length];
        var chosen = new List<int[]>(count);
        var next = random.Next(candidates.Length);
        while (true)
        {
            taken[next] = true;
            chosen.Add(candidates[next]);
            if (chosen.Count == count)
                return new PermutationSet([.. chosen], cells);
            next = -1;
            for (var i = 0; i < candidates.Length; i++)
            {
                if (taken[i])
                    continue;
                distanceSums[i] += Hamming(candidates[i], chosen[^1]);
                if (next < 0 || distanceSums[i] > distanceSums[next])
                    next = i;
            }
        }
    }

    /// <summary>Number of positions where two permutations differ.</summary>
    public static int Hamming(IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        var distance = 0;
        for (var i = 0; i < first.Count; i++)
            distance += first[i] != second[i] ? 1 : 0;
        return distance;
    }

    private static int[][] Candidates(int cells, Random random)
    {
        if (CountOf(cells) <= MaxCandidates)
            return [.. Lexicographic(Enumerable.Range(0, cells).ToArray())];
        var seen = new HashSet<string>();
        var sampled = new List<int[]>(MaxCandidates);
        while (sampled.Count < MaxCandidates)
        {
            var permutation = Enumerable.Range(0, cells).ToArray();
            random.Shuffle(permutation);
            if (seen.Add(string.Join(',', permutation)))
                sampled.Add(permutation);
        }
        return [.. sampled];
    }

    private static IEnumerable<int[]> Lexicographic(int[] current)
    {
        while (true)
        {
            yield return (int[])current.Clone();
            var pivot = current.Length - 2;
            while (pivot >= 0 && current[pivot] >= current[pivot + 1])
                pivot--;
            if (pivot < 0)
                yield break;
            var swap = current.Length - 1;
            while (current[swap] <= current[pivot])
                swap--;
            (current[pivot], current[swap]) = (current[swap], current[pivot]);
            Array.Reverse(current, pivot + 1, current.Length - pivot - 1);
        }
    }
}
