namespace SelfishGen.Modules;

/// <summary>What <see cref="ConvolutionGradientCheck"/> found.</summary>
/// <param name="WrongCases">The shapes whose float32 input gradient differed from the float64 reference.</param>
/// <param name="CheckedCases">How many shapes were checked.</param>
public sealed record ConvolutionGradientReport(IReadOnlyList<ConvolutionCase> WrongCases, int CheckedCases)
{
    /// <summary>Whether any checked convolution computed a wrong input gradient.</summary>
    public bool Faulty => WrongCases.Count > 0;

    /// <summary>One sentence for a log.</summary>
    public string Summary => Faulty
        ? $"this libtorch computes wrong float32 convolution input gradients when output channels are not a multiple of " +
          $"{ChannelAlignment.Block} ({WrongCases.Count} of {CheckedCases} checked shapes wrong: {string.Join(", ", WrongCases)})."
        : $"float32 convolution input gradients match the float64 reference ({CheckedCases} shapes checked).";
}
