using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Combines loss terms (what generated methods with two objectives return), without the short-lived scalars that
/// TorchSharp's arithmetic operators make (see <see cref="Hosting.Scalars"/>).
/// </summary>
public static class LossTerms
{
    /// <summary><paramref name="first"/> + <paramref name="second"/>.</summary>
    public static Tensor Sum(Tensor first, Tensor second) => first.Plus(second);

    /// <summary>(<paramref name="first"/> + <paramref name="second"/>) / 2.</summary>
    public static Tensor Mean(Tensor first, Tensor second) => first.Plus(second).div(Two);

    /// <summary>(1 − <paramref name="weight"/>)·<paramref name="first"/> + <paramref name="weight"/>·<paramref name="second"/>.</summary>
    public static Tensor Blend(Tensor first, Tensor second, double weight)
    {
        using var firstWeight = (1 - weight).ToScalar();
        using var secondWeight = weight.ToScalar();
        return first.mul(firstWeight).Plus(second.mul(secondWeight));
    }

    /// <summary>
    /// The sum of the squares of <paramref name="matrix"/>'s off-diagonal entries (Barlow Twins' redundancy term,
    /// VICReg's covariance term). The squared matrix is released at once, not held until the step ends.
    /// </summary>
    public static Tensor OffDiagonalSquares(Tensor matrix)
    {
        using var squares = matrix.pow(Two);
        using var all = squares.sum();
        using var diagonal = squares.diagonal();
        using var onDiagonal = diagonal.sum();
        return all - onDiagonal;
    }
}
