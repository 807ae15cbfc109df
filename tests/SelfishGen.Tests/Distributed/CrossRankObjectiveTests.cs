using SelfishGen.Distributed;
using SelfishGen.Modules;
using SelfishGen.Objectives;
using SelfishGen.State;

namespace SelfishGen.Tests.Distributed;

/// <summary>
/// Each objective and state update that looks across the batch, on two ranks (threads) with half the batch each:
/// the mean of the ranks' losses and the mean of their weight gradients are the whole batch's in one process, and
/// queue, memory bank and DINO centre end the same on every rank as in one process.
/// </summary>
public sealed class CrossRankObjectiveTests
{
    private const int Ranks = 2;
    private const int Rows = 4;
    private const double Tolerance = 1e-10;

    public static TheoryData<string> TwoViewObjectives => ["NtXent", "InfoNce", "BarlowTwins", "VicReg"];

    private static Func<Tensor, Tensor, Tensor> TwoViewLoss(string name) => name switch
    {
        "NtXent" => new NtXentLoss(0.5).Loss,
        "InfoNce" => new InfoNceLoss(0.2).Loss,
        "BarlowTwins" => new BarlowTwinsLoss(0.01).Loss,
        "VicReg" => new VicRegLoss().Loss,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(TwoViewObjectives))]
    public void Two_ranks_give_the_whole_batch_loss_and_gradient(string name)
    {
        using var scope = NewDisposeScope();
        var random = new Generator(3);
        var (first, second) = (randn([Ranks * Rows, 5], float64, generator: random), randn([Ranks * Rows, 5], float64, generator: random));
        var weights = randn([5, 6], float64, generator: random);
        var loss = TwoViewLoss(name);

        var expected = weights.clone().requires_grad_();
        var expectedLoss = loss(first.mm(expected), second.mm(expected));
        expectedLoss.backward();

        var results = ThreadRanks.Run(Ranks, world =>
        {
            var shared = weights.clone().requires_grad_();
            var value = loss(Mine(first, world).mm(shared), Mine(second, world).mm(shared));
            value.backward();
            return MeanOverRanks(world, cat([value.detach().view(1), shared.grad!.flatten()]));
        });

        EveryRankGets(results, cat([expectedLoss.detach().view(1), expected.grad!.flatten()]), name);
    }

    [Fact]
    public void Contrastive_predictive_coding_scores_against_every_rank_patches()
    {
        using var scope = NewDisposeScope();
        var random = new Generator(4);
        var (features, predictions) = (randn([Ranks * Rows, 3, 4, 4], float64, generator: random), randn([Ranks * Rows, 6, 4, 4], float64, generator: random));
        var (a, b) = (randn([1, 3, 1, 1], float64, generator: random), randn([1, 6, 1, 1], float64, generator: random));
        CpcLoss NewLoss()
        {
            manual_seed(2);
            return new CpcLoss(3, steps: 2).to(float64);
        }

        var single = NewLoss();
        var (ea, eb) = (a.clone().requires_grad_(), b.clone().requires_grad_());
        var expectedLoss = single.DirectionLoss(predictions * eb, features * ea);
        expectedLoss.backward();
        var losses = Enumerable.Range(0, Ranks).Select(_ => NewLoss()).ToArray();

        var results = ThreadRanks.Run(Ranks, world =>
        {
            var cpc = losses[world.Rank];
            var (ra, rb) = (a.clone().requires_grad_(), b.clone().requires_grad_());
            var value = cpc.DirectionLoss(Mine(predictions, world) * rb, Mine(features, world) * ra);
            value.backward();
            return MeanOverRanks(world, cat([value.detach().view(1), ra.grad!.flatten(), rb.grad!.flatten(), .. cpc.parameters().Select(p => p.grad!.flatten())]));
        });

        EveryRankGets(results, cat([expectedLoss.detach().view(1), ea.grad!.flatten(), eb.grad!.flatten(), .. single.parameters().Select(p => p.grad!.flatten())]), "CPC");
    }

    [Fact]
    public void Memory_bank_contrast_over_ranks_gives_the_whole_batch_loss_and_gradient()
    {
        // As many negatives as entries: every query's own entry is drawn, and left out of its negatives.
        using var scope = NewDisposeScope();
        var random = new Generator(6);
        var queries = randn([Ranks * Rows, 4], float64, generator: random);
        var weights = randn([4, 4], float64, generator: random);
        var indices = randperm(12, generator: random).narrow(0, 0, Ranks * Rows);
        var bank = new MemoryBank(12, 4, new Generator(7)).to(float64);
        var contrast = new MemoryBankContrast(0.2, negatives: 12);

        var expected = weights.clone().requires_grad_();
        var expectedLoss = contrast.Loss(queries.mm(expected), bank, indices, new Generator(8));
        expectedLoss.backward();

        var results = ThreadRanks.Run(Ranks, world =>
        {
            var shared = weights.clone().requires_grad_();
            var value = contrast.Loss(Mine(queries, world).mm(shared), bank, Mine(indices, world), new Generator(8));
            value.backward();
            return MeanOverRanks(world, cat([value.detach().view(1), shared.grad!.flatten()]));
        });

        EveryRankGets(results, cat([expectedLoss.detach().view(1), expected.grad!.flatten()]), "memory bank contrast");
    }

    [Fact]
    public void Queue_memory_bank_and_centre_take_every_rank_rows()
    {
        using var scope = NewDisposeScope();
        var random = new Generator(5);
        var keys = randn([Ranks * Rows, 4], generator: random);
        var indices = randperm(20, generator: random).narrow(0, 0, Ranks * Rows);
        static State Make() => new(new FeatureQueue(6, 4, new Generator(1)), new MemoryBank(20, 4, new Generator(2)), new DinoLoss(4, centerMomentum: 0.5));

        var single = Make();
        single.Update(keys, indices);
        var states = Enumerable.Range(0, Ranks).Select(_ => Make()).ToArray();
        ThreadRanks.Run(Ranks, world =>
        {
            states[world.Rank].Update(Mine(keys, world), Mine(indices, world));
            return 0;
        });

        foreach (var state in states)
        {
            Assert.True(state.Queue.Keys.eq(single.Queue.Keys).all().item<bool>(), "queue");
            Assert.Equal(single.Queue.Pointer, state.Queue.Pointer);
            Assert.True(state.Bank.Entries.allclose(single.Bank.Entries, rtol: 0, atol: 1e-7), "memory bank");
            Assert.True(state.Dino.Center.allclose(single.Dino.Center, rtol: 1e-6, atol: 1e-7), "centre");
        }
    }

    [Fact]
    public void Shuffled_batch_norm_groups_over_ranks_are_the_groups_of_one_process()
    {
        using var scope = NewDisposeScope();
        var images = randn([Ranks * Rows, 3], generator: new Generator(6));
        TorchSharp.Modules.Sequential Network()
        {
            manual_seed(7);
            return nn.Sequential(nn.Linear(3, 5), nn.BatchNorm1d(5));
        }

        var single = BatchNormGroups.ForwardShuffled(Network().call, images, groups: 4, new Generator(8));
        var networks = Enumerable.Range(0, Ranks).Select(_ => Network()).ToArray();
        var outputs = ThreadRanks.Run(Ranks, world =>
        {
            using var sync = SyncBatchNorm.Attach(networks[world.Rank]);
            var mine = BatchNormGroups.ForwardShuffled(networks[world.Rank].call, Mine(images, world), groups: 4, new Generator(8));
            return CrossRank.Gather(mine.detach());
        });

        foreach (var output in outputs)
            Assert.True(output.allclose(single, rtol: 1e-5, atol: 1e-6), $"{output.str()} vs {single.str()}");
    }

    // Each rank's mean over the ranks of (loss, gradients) is the one-process (loss, gradients).
    private static void EveryRankGets(Tensor[] results, Tensor reference, string what)
    {
        foreach (var result in results)
            Assert.True(result.allclose(reference, rtol: Tolerance, atol: Tolerance), $"{what}: loss and gradient {result.str()} vs {reference.str()}");
    }

    private static Tensor Mine(Tensor whole, ICommunicator world) => whole.narrow(0, world.Rank * Rows, Rows);

    private static Tensor MeanOverRanks(ICommunicator world, Tensor value)
    {
        var sum = value.clone();
        world.AllReduce(sum);
        return sum.div_(world.Size);
    }

    /// <summary>A queue, a memory bank and a DINO centre updated with the same rows.</summary>
    private sealed record State(FeatureQueue Queue, MemoryBank Bank, DinoLoss Dino)
    {
        public void Update(Tensor keys, Tensor indices)
        {
            Queue.Enqueue(keys);
            Bank.Update(indices, keys, momentum: 0.5);
            Dino.Loss([keys, keys * 2], [keys], progress: 0);
        }
    }
}
