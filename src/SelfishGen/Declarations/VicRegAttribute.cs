namespace SelfishGen;

/// <summary>Declares the VICReg objective: invariance between views, variance and covariance regularisation.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VicRegAttribute : Attribute
{
    /// <summary>Weight of the invariance term, at least 0.</summary>
    public double Invariance { get; set; } = 25;

    /// <summary>Weight of the variance term, at least 0.</summary>
    public double Variance { get; set; } = 25;

    /// <summary>Weight of the covariance term, at least 0.</summary>
    public double Covariance { get; set; } = 1;
}
