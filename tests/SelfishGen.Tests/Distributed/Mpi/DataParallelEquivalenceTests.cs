namespace SelfishGen.Tests.Distributed.Mpi;

/// <summary>
/// Two ranks (processes under mpirun) with half the batch each train as one process with the whole batch: the same
/// loss and averaged gradient at every step and the same weights, queue, memory bank and centre after four SGD steps,
/// within float32 tolerance; and the ranks end identical. A gathered gradient off by the world size, a queue or bank
/// missing the other rank's rows, or per-rank augmentations would each break it by far more than the tolerance.
/// </summary>
public sealed class DataParallelEquivalenceTests(EquivalenceRuns runs) : IClassFixture<EquivalenceRuns>
{
    // Float32 summed in another order (half batches, synchronised batch norm): measured up to 2e-5 here, and 8e-4 where
    // a 1-ulp difference flips a max-pool's choice between near-equal values. A gathered gradient that misses the other
    // ranks' share (the world-size error) is off by 0.3 to 0.5, a queue or bank without the other rank's rows by more.
    private const double GradientTolerance = 1e-2;
    private const double StateTolerance = 1e-3;
    private const double LossTolerance = 1e-3;

    public static TheoryData<string> Methods => [.. EquivalenceRuns.Methods];

    [MpiTheory]
    [MemberData(nameof(Methods))]
    public void Two_ranks_give_the_losses_and_gradients_of_one_process_with_the_whole_batch(string method) =>
        AssertSameSteps(runs, method);

    /// <summary>The run with 2 ranks saw the images, losses and averaged gradients of one process at every step of <paramref name="method"/>.</summary>
    internal static void AssertSameSteps(EquivalenceRuns runs, string method)
    {
        var alone = runs.StepsOf(method, ranks: 1);
        var ranks = runs.StepsOf(method, ranks: 2);

        Assert.Equal(EquivalenceRuns.Steps, alone.Count);
        Assert.Equal(alone.Count, ranks.Count);
        for (var step = 0; step < alone.Count; step++)
        {
            Assert.Equal(EquivalenceRuns.BatchSize, ranks[step].Images);
            Assert.True(Math.Abs(alone[step].Loss - ranks[step].Loss) <= LossTolerance * Math.Abs(alone[step].Loss),
                $"{method} step {step}: loss {ranks[step].Loss} with 2 ranks, {alone[step].Loss} alone");
            var error = RelativeError(ranks[step].Gradient, alone[step].Gradient);
            Assert.True(error < GradientTolerance, $"{method} step {step}: gradient differs by {error:E1} (relative)");
        }
    }

    [MpiTheory]
    [MemberData(nameof(Methods))]
    public void Two_ranks_end_identical_and_as_one_process_does(string method)
    {
        var alone = runs.Final(method, ranks: 1, rank: 0);
        var (first, second) = (runs.Final(method, ranks: 2, rank: 0), runs.Final(method, ranks: 2, rank: 1));

        Assert.Equal(alone.Keys, first.Keys);
        foreach (var (name, values) in first)
        {
            Assert.True(values.SequenceEqual(second[name]), $"{method}: {name} differs between the ranks");
            if (IsPerGroupStatistic(method, name))
                continue;
            var error = RelativeError(values, alone[name]);
            Assert.True(error < StateTolerance, $"{method}: {name} differs from one process's by {error:E1} (relative)");
        }
    }

    // Counts of batch-norm calls (the ranks make fewer calls of fewer images), and MoCo's running statistics, which
    // follow its batch-norm groups in the order each process forwards them.
    private static bool IsPerGroupStatistic(string method, string name) =>
        name.EndsWith("num_batches_tracked", StringComparison.Ordinal)
        || (method == "MoCo" && name.Contains("running_", StringComparison.Ordinal));

    private static double RelativeError(double[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var difference = Math.Sqrt(actual.Zip(expected, (a, e) => (a - e) * (a - e)).Sum());
        var norm = Math.Sqrt(expected.Sum(e => e * e));
        return norm == 0 ? difference : difference / norm;
    }
}
