using SelfishGen.State;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// InfoNCE against a <see cref="MemoryBank"/>: each query's positive is its image's bank entry, its negatives are
/// <see cref="Negatives"/> distinct entries drawn at random for the batch (at most the whole bank), less the query's
/// own entry when it was drawn (Instance Discrimination, PIRL, CMC).
/// </summary>
public sealed class MemoryBankContrast
{
    private readonly InfoNceLoss _infoNce;

    /// <summary>Creates the loss with temperature <paramref name="temperature"/> and <paramref name="negatives"/> negatives per query.</summary>
    public MemoryBankContrast(double temperature, int negatives)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(negatives, 1);
        _infoNce = new InfoNceLoss(temperature);
        Negatives = negatives;
    }

    /// <summary>Negatives drawn per query.</summary>
    public int Negatives { get; }

    /// <summary>The loss of <paramref name="queries"/> (B, D) of the images <paramref name="indices"/> (B) against <paramref name="bank"/>.</summary>
    public Tensor Loss(Tensor queries, MemoryBank bank, Tensor indices, Generator random)
    {
        var (drawn, negatives) = bank.SampleNegatives(Negatives, random);
        using var own = indices.cpu().unsqueeze(1).eq(drawn.unsqueeze(0));
        return _infoNce.Loss(queries, bank[indices], negatives, own.to(queries.device));
    }
}
