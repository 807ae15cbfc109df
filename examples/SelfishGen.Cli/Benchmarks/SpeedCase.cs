using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>A backbone at an input shape and batch size: what a speed measurement runs each method on.</summary>
public sealed record SpeedCase(BackboneKind Backbone, ImageShape Shape, int BatchSize)
{
    /// <summary>The cases measured by default: ResNet-18 on 3×32×32 at batch 128, the ConvNet on 1×28×28 at batch 256.</summary>
    public static IReadOnlyList<SpeedCase> Standard { get; } =
    [
        new(BackboneKind.ResNet18, new ImageShape(3, 32, 32), 128),
        new(BackboneKind.ConvNet, new ImageShape(1, 28, 28), 256),
    ];

    /// <summary>The standard case of <paramref name="backbone"/> (case-insensitive), with an optional batch size.</summary>
    public static SpeedCase Named(string backbone, int? batchSize)
    {
        var found = Standard.FirstOrDefault(c => string.Equals(c.Backbone.ToString(), backbone, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No speed case for backbone '{backbone}': use {string.Join(" or ", Standard.Select(c => c.Backbone))}.");
        return batchSize is { } size ? found with { BatchSize = size } : found;
    }
}
