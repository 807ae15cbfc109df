using SelfishGen.State;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// InfoNCE against a <see cref="MemoryBank"/>: each query's positive is its image's bank entry, its negatives are
/// <see cref="Negatives"/> entries of other images drawn at random (Instance Discrimination, PIRL, CMC).
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
    public Tensor Loss(Tensor queries, MemoryBank bank, Tensor indices, Generator random) =>
        _infoNce.Loss(queries, bank[indices], bank.SampleNegatives(indices, Negatives, random));
}
