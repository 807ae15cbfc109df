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
    /// <summary>
    /// The widths <paramref name="hidden"/> and <paramref name="output"/>, declared for backbones of
    /// <paramref name="declaredFor"/> features, on a backbone of <paramref name="features"/> (rounded, at least 1);
    /// as declared when <paramref name="declaredFor"/> is 0.
    /// </summary>
    public static HeadWidths Scaled(int[] hidden, int output, int features, int declaredFor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(declaredFor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (declaredFor == 0)
            return new HeadWidths(hidden, output);
        int Scale(int width) => (int)Math.Max(1, Math.Round((double)width * features / declaredFor));
        return new HeadWidths([.. hidden.Select(Scale)], Scale(output));
    }
}
