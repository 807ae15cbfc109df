using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>A backbone at an input shape and batch size: what a speed measurement runs each method on.</summary>
/// <remarks>
/// EfficientNet-B0 is built without drop-connect: its random per-sample drops cannot be reproduced in the PyTorch
/// reference, and without them both sides compute the same loss from the same weights and views.
/// </remarks>
public sealed record SpeedCase(BackboneKind Backbone, ImageShape Shape, int BatchSize)
{
    /// <summary>
    /// The cases measured by default: ResNet-18 on 3×32×32 and EfficientNet-B0 on 3×64×64, both at batch 32 (so that the
    /// default run ends within 10 minutes on 2 AVX2 cores).
    /// </summary>
    public static IReadOnlyList<SpeedCase> Quick { get; } =
    [
        new(BackboneKind.ResNet18, new ImageShape(3, 32, 32), 32),
        new(BackboneKind.EfficientNetB0, new ImageShape(3, 64, 64), 32),
    ];

    /// <summary>
    /// The cases of the full sweep (<c>--full</c>): ResNet-18 on 3×32×32 at batch 128, EfficientNet-B0 on 3×96×96 at
    /// batch 64, the ConvNet on 1×28×28 at batch 256.
    /// </summary>
    public static IReadOnlyList<SpeedCase> Full { get; } =
    [
        new(BackboneKind.ResNet18, new ImageShape(3, 32, 32), 128),
        new(BackboneKind.EfficientNetB0, new ImageShape(3, 96, 96), 64),
        new(BackboneKind.ConvNet, new ImageShape(1, 28, 28), 256),
    ];

    /// <summary>Drop-connect rate of the EfficientNet-B0 the case builds (see the remarks).</summary>
    public const double DropConnect = 0;

    /// <summary>
    /// The case of <paramref name="backbone"/> (case-insensitive) among <paramref name="cases"/>, with an optional batch size.
    /// </summary>
    public static SpeedCase Named(string backbone, IReadOnlyList<SpeedCase> cases, int? batchSize)
    {
        var found = cases.FirstOrDefault(c => string.Equals(c.Backbone.ToString(), backbone, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No speed case for backbone '{backbone}': use {string.Join(", ", cases.Select(c => c.Backbone))}.");
        return batchSize is { } size ? found with { BatchSize = size } : found;
    }

    /// <summary>
    /// The backbone to give the method: EfficientNet-B0 without drop-connect (see the remarks), freshly initialised
    /// from the global generator; null for the other kinds, which the method builds from its options as it needs them
    /// (CPC's with per-sample normalisation).
    /// </summary>
    public Backbone? CreateBackbone() => Backbone == BackboneKind.EfficientNetB0 ? new EfficientNetB0(Shape, NormKind.Batch, DropConnect) : null;
}
