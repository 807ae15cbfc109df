using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// NT-Xent (SimCLR): the 2N normalised embeddings of two views z = [z₁; z₂] each pick their partner among the other
/// 2N − 1, ℓ_i = −log( exp(z_i·z_p(i)/τ) / Σ_{j≠i} exp(z_i·z_j/τ) ), averaged over all 2N; symmetric in the views.
/// The loss L2-normalises its inputs.
/// </summary>
public sealed class NtXentLoss
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

    /// <summary>The softmax temperature τ.</summary>
    public double Temperature { get; }

    /// <summary>NT-Xent of <paramref name="first"/> (N, D) and <paramref name="second"/> (N, D), row i of each being views of one image.</summary>
    public Tensor Loss(Tensor first, Tensor second)
    {
        var pairs = first.shape[0];
        var z = nn.functional.normalize(cat([first, second], 0), dim: 1);
        var self = eye(2 * pairs, dtype: ScalarType.Bool, device: z.device);
        var logits = z.mm(z.t()).div_(_temperature).masked_fill(self, Excluded);
        using var partnerOffset = pairs.ToScalar();
        using var rows = (2 * pairs).ToScalar();
        var index = Range(2 * pairs, ScalarType.Int64, z.device);
        return nn.functional.cross_entropy(logits, index.Plus(partnerOffset).remainder_(rows));
    }
}
