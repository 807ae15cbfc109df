namespace SelfishGen.Evaluation;

/// <summary>How a <see cref="LinearProbe"/> fits its classifier.</summary>
public enum LinearProbeSolver
{
    /// <summary>
    /// L-BFGS on all training features at once (whitened first, which makes it converge in tens of iterations), at
    /// most <see cref="LinearProbeOptions.Iterations"/> iterations of one or a few passes over the features each;
    /// deterministic, and with the default penalty converged well enough that more iterations do not change the
    /// accuracy. Epochs, learning rate, batch size and seed are not used.
    /// </summary>
    FullBatch,

    /// <summary>
    /// Adam on shuffled mini-batches of <see cref="LinearProbeOptions.BatchSize"/> for
    /// <see cref="LinearProbeOptions.Epochs"/> epochs: many small steps, several times slower on the CPU.
    /// </summary>
    MiniBatchAdam,
}
