namespace SelfishGen.Data;

/// <summary>The shape of one image: channels, height and width.</summary>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>The shape as a batch of <paramref name="batch"/> images, NCHW.</summary>
    public long[] WithBatch(long batch) => [batch, Channels, Height, Width];

    /// <inheritdoc />
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
