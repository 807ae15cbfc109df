using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Data;

/// <summary>Another dataset's images, resized (bilinear, antialiased) to one height and width as they are loaded.</summary>
public sealed class ResizedDataset(IImageDataset source, int height, int width) : IImageDataset
{
    /// <summary>The dataset the images come from.</summary>
    public IImageDataset Source { get; } = source;

    /// <inheritdoc />
    public int Count => Source.Count;

    /// <inheritdoc />
    public ImageShape Shape { get; } = source.Shape with { Height = height, Width = width };

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames => Source.ClassNames;

    /// <inheritdoc />
    public int Label(int index) => Source.Label(index);

    /// <inheritdoc />
    public torch.Tensor LoadImages(ReadOnlySpan<int> indices)
    {
        using var scope = torch.NewDisposeScope();
        var resized = torch.nn.functional.interpolate(Source.LoadImages(indices), [Shape.Height, Shape.Width],
            mode: InterpolationMode.Bilinear, align_corners: false, antialias: true);
        return resized.clamp_(Zero, One).MoveToOuterDisposeScope();
    }
}
