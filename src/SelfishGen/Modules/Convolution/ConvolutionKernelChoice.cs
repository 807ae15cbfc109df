namespace SelfishGen.Modules;

/// <summary>What <see cref="ConvolutionKernels"/>' start-up check found.</summary>
/// <param name="OneDnn">Whether convolutions ran on oneDNN's kernels after the check (a shape found wrong later turns it off).</param>
/// <param name="WrongOutputs">The shapes oneDNN computed wrong outputs for, when checked.</param>
/// <param name="CheckedCases">How many shapes were checked (0: the check did not run, the environment decided).</param>
public sealed record ConvolutionKernelChoice(bool OneDnn, IReadOnlyList<ConvolutionCase> WrongOutputs, int CheckedCases)
{
    /// <summary>One sentence for a log.</summary>
    public string Summary => WrongOutputs.Count > 0
        ? $"this libtorch's oneDNN computes wrong float32 convolution outputs on this CPU ({WrongOutputs.Count} of " +
          $"{CheckedCases} checked shapes wrong: {string.Join(", ", WrongOutputs)}; docs/onednn-conv-gradient.md). " +
          "Each convolution shape SelfishGen's modules build is checked when built: one wrong only on channels-last input is fed contiguous input, and oneDNN goes off at the first one wrong in both layouts."
        : CheckedCases > 0
            ? $"float32 convolution outputs match the float64 reference ({CheckedCases} shapes checked); oneDNN {(OneDnn ? "on" : "off")}."
            : $"oneDNN {(OneDnn ? "on" : "off")}, as {ConvolutionKernels.EnvironmentVariable} says.";
}
