namespace SelfishGen;

/// <summary>Where a training step stands, and the random generator its augmentations must draw from.</summary>
/// <remarks>
/// <see cref="Random"/> is seeded from the run's seed and <see cref="Step"/>, so a resumed run draws the same numbers
/// as an uninterrupted one. So is torch's global generator at the start of every step, for modules that draw from it
/// (e.g. stochastic depth, dropout in a user's head).
/// </remarks>
public sealed class TrainingContext
{
    /// <summary>
    /// The context of one step; training makes one per step. Construct one to run a pretext task or an augmentation
    /// outside training, e.g. in a test or a benchmark, with <see cref="NewRandom"/> to draw what step
    /// <paramref name="step"/> draws.
    /// </summary>
    /// <param name="random">The step's random generator, on the CPU; the caller keeps ownership.</param>
    /// <param name="device">The device the method's tensors live on.</param>
    /// <param name="epoch">Zero-based epoch.</param>
    /// <param name="step">Zero-based optimizer step since the start of training.</param>
    /// <param name="totalSteps">Number of steps of the whole run.</param>
    public TrainingContext(torch.Generator random, torch.Device device, int epoch, long step, long totalSteps)
    {
        Random = random;
        Device = device;
        Epoch = epoch;
        Step = step;
        TotalSteps = totalSteps;
    }

    /// <summary>
    /// A new generator seeded as the <see cref="Random"/> of step <paramref name="step"/> in a run seeded
    /// <paramref name="seed"/>: it draws what that step draws, in any process (e.g. to reproduce a step's views).
    /// </summary>
    public static torch.Generator NewRandom(int seed, long step) => new((ulong)SeedSequence.Derive(seed, step), torch.CPU);

    /// <summary>Seeds torch's global generator for step <paramref name="step"/> of a run seeded <paramref name="seed"/>.</summary>
    /// <remarks>Its seeds are derived at negative positions, apart from those of <see cref="NewRandom"/>.</remarks>
    internal static void SeedGlobalGenerator(int seed, long step) => torch.manual_seed(SeedSequence.Derive(seed, ~step));

    /// <summary>Random generator for this step (on the CPU; sample on it, then move to <see cref="Device"/>).</summary>
    public torch.Generator Random { get; }

    /// <summary>The device the method's tensors live on.</summary>
    public torch.Device Device { get; }

    /// <summary>Zero-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>Zero-based optimizer step since the start of training.</summary>
    public long Step { get; }

    /// <summary>Number of steps the whole run will take.</summary>
    public long TotalSteps { get; }

    /// <summary>Fraction of the run done before this step, in [0, 1): what schedules (e.g. EMA momentum) follow.</summary>
    public double Progress => TotalSteps == 0 ? 0 : (double)Step / TotalSteps;
}
