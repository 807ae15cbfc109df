namespace SelfishGen;

/// <summary>The arithmetic a training step's convolutions run in (see <see cref="Modules.Autocast"/>).</summary>
public enum Precision
{
    /// <summary>Everything in float32.</summary>
    Float32,

    /// <summary>
    /// Convolutions in bfloat16 with float32 master weights, batch-norm statistics, heads and losses: on CPUs with
    /// AVX-512 BF16 or AMX-BF16, and on CUDA.
    /// </summary>
    BFloat16,

    /// <summary>As <see cref="BFloat16"/> in float16, with dynamic loss scaling (<see cref="GradientScaler"/>): CUDA only.</summary>
    Float16,
}
