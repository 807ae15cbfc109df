namespace SelfishGen.State;

/// <summary>
/// The EMA momentum of a <see cref="MomentumEncoder"/> over training: constant, or cosine from <see cref="Base"/> at
/// the start to 1 at the end, m(p) = 1 − (1 − base)·(cos(π·p) + 1)/2 for progress p in [0, 1].
/// </summary>
public sealed record MomentumSchedule
{
    private MomentumSchedule(double @base, bool cosine)
    {
        if (@base is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(@base), @base, "Momentum must be in [0, 1].");
        Base = @base;
        IsCosine = cosine;
    }

    /// <summary>The momentum at the start of training (and throughout, when constant).</summary>
    public double Base { get; }

    /// <summary>Whether the momentum rises to 1 along a half cosine.</summary>
    public bool IsCosine { get; }

    /// <summary>The same momentum at every step (MoCo: 0.99 here, 0.999 in its ImageNet paper).</summary>
    public static MomentumSchedule Constant(double momentum) => new(momentum, cosine: false);

    /// <summary>A momentum rising from <paramref name="base"/> to 1 along a half cosine (BYOL, DINO: 0.996).</summary>
    public static MomentumSchedule Cosine(double @base) => new(@base, cosine: true);

    /// <summary>A cosine schedule from <paramref name="base"/> when <paramref name="cosine"/>, else a constant one.</summary>
    public static MomentumSchedule Of(double @base, bool cosine) => new(@base, cosine);

    /// <summary>The momentum at <paramref name="progress"/>, the fraction of training done (see <see cref="TrainingContext.Progress"/>).</summary>
    public double At(double progress) =>
        IsCosine ? 1 - (1 - Base) * (Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)) + 1) / 2 : Base;
}
