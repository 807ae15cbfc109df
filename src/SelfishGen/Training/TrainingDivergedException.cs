namespace SelfishGen;

/// <summary>Training met a NaN or infinite loss, gradient or weight and stopped (see <see cref="NonFiniteSteps"/>).</summary>
public sealed class TrainingDivergedException : Exception
{
    internal TrainingDivergedException(string method, long step, string what, string message) : base(message)
    {
        Method = method;
        Step = step;
        What = what;
    }

    /// <summary>The method that was training.</summary>
    public string Method { get; }

    /// <summary>The zero-based step at which the value became non-finite.</summary>
    public long Step { get; }

    /// <summary>What was non-finite, e.g. "the loss is NaN".</summary>
    public string What { get; }
}
