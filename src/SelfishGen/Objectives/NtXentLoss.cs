using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// NT-Xent (SimCLR): the 2N normalised embeddings of two views z = [z₁; z₂] each pick their partner among the other
/// 2N − 1, ℓ_i = −log( exp(z_i·z_p(i)/τ) / Σ_{j≠i} exp(z_i·z_j/τ) ), averaged over all 2N; symmetric in the views.
/// The loss L2-normalises its inputs. In a data-parallel step the 2N are the whole batch of every rank
/// (<see cref="CrossRank.Gather"/>) and each rank averages over its own rows' terms.
/// </summary>
/// <remarks>
/// Also an objective a declaration can name: <c>[Objective(typeof(NtXentLoss))]</c> compares the embeddings of two
/// views as <c>[Contrastive]</c> without a queue does (SimCLR).
/// </remarks>
[ViewCount(2)]
public sealed class NtXentLoss : IViewObjective
{
    private static readonly Scalar Excluded = double.NegativeInfinity.ToScalar();
    private readonly Scalar _temperature;

    /// <summary>Creates the loss with temperature τ = <paramref name="temperature"/> (&gt; 0).</summary>
    public NtXentLoss(double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        Temperature = temperature;
        _temperature = temperature.ToScalar();
    }

    /// <summary>Creates the loss at the declared temperature, as the objective of a declaration.</summary>
    public NtXentLoss(ObjectiveSetup setup) : this(setup.Temperature)
    {
    }

    /// <summary>The softmax temperature τ.</summary>
    public double Temperature { get; }

    /// <summary>NT-Xent of the embeddings of the two views.</summary>
    public Tensor Loss(ObjectiveInputs inputs) => Loss(inputs.Embeddings[0], inputs.Embeddings[1]);

    /// <summary>NT-Xent of <paramref name="first"/> (N, D) and <paramref name="second"/> (N, D), row i of each being views of one image.</summary>
    public Tensor Loss(Tensor first, Tensor second)
    {
        var (rows, dim) = (first.shape[0], first.shape[1]);
        var gathered = CrossRank.Gather(cat([first, second], 0)); // per rank: its first views, then its second views
        var pairs = gathered.shape[0] / 2;
        var z = nn.functional.normalize(gathered.view(-1, 2, rows, dim).transpose(0, 1).reshape(2 * pairs, dim), dim: 1);
        var offset = CrossRank.Offset(rows);
        var own = cat([Range(offset, offset + rows, ScalarType.Int64, z.device), Range(pairs + offset, pairs + offset + rows, ScalarType.Int64, z.device)]);
        var anchors = CrossRank.IsDistributed ? z.index_select(0, own) : z;
        var self = own.unsqueeze(1).eq(Range(2 * pairs, ScalarType.Int64, z.device).unsqueeze(0));
        var logits = anchors.mm(z.t()).div_(_temperature).masked_fill(self, Excluded);
        using var partnerOffset = pairs.ToScalar();
        using var all = (2 * pairs).ToScalar();
        return nn.functional.cross_entropy(logits, own.Plus(partnerOffset).remainder_(all));
    }
}
