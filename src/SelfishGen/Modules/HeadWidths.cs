using System.Globalization;

namespace SelfishGen.Modules;

/// <summary>
/// The widths of a projection head, as declared or scaled with the backbone it is built on: a head declared for
/// backbones of 128 features (<c>[Projector(Hidden = [512, 512], Out = 512, ScaleWithFeatures = 128)]</c>) is 4× as
/// wide as any backbone's features, the way a learning rate declared for batch 256 scales with the batch.
/// </summary>
/// <param name="Hidden">Widths of the hidden layers.</param>
/// <param name="Out">Width of the output.</param>
public sealed record HeadWidths(int[] Hidden, int Out)
{
    /// <summary>Most weights a scaled head may have: 2³⁰, 4 GB of float32 before gradients and optimiser state.</summary>
    public const long MaxScaledWeights = 1L << 30;

    /// <summary>
    /// The widths <paramref name="hidden"/> and <paramref name="output"/>, declared for backbones of
    /// <paramref name="declaredFor"/> features, on a backbone of <paramref name="features"/> (rounded, at least 1);
    /// as declared when <paramref name="declaredFor"/> is 0.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The scaled head would have more than <see cref="MaxScaledWeights"/> weights: <paramref name="declaredFor"/> is
    /// far below <paramref name="features"/> (e.g. <c>ScaleWithFeatures = 1</c>, which makes a 1024-wide layer 131,072
    /// wide on 128 features); refused before anything is allocated, with the fix.
    /// </exception>
    public static HeadWidths Scaled(int[] hidden, int output, int features, int declaredFor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(declaredFor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (declaredFor == 0)
            return new HeadWidths(hidden, output);
        long Scale(int width) => (long)Math.Max(1, Math.Round((double)width * features / declaredFor));
        long[] widths = [features, .. hidden.Select(Scale), Scale(output)];
        var weights = widths.Zip(widths.Skip(1), (inputs, outputs) => (double)inputs * outputs).Sum();
        if (weights > MaxScaledWeights)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Declared for backbones of {declaredFor} features (ScaleWithFeatures = {declaredFor}), the head becomes {string.Join(" → ", widths)} on this backbone's {features}: {weights:N0} weights, more than the {MaxScaledWeights:N0} SelfishGen builds. ScaleWithFeatures is the backbone width the declared widths were chosen for (e.g. 128 for the ConvNet, 512 for ResNet-18); 0 keeps them as declared."),
                nameof(declaredFor));
        return new HeadWidths([.. widths[1..^1].Select(width => (int)width)], (int)widths[^1]);
    }
}
