using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.State;

/// <summary>
/// A first-in, first-out ring buffer of L2-normalised keys (MoCo negatives). Keys and write pointer are registered
/// buffers, so they are saved, loaded and moved with the owner. It starts filled with random unit vectors.
/// </summary>
public sealed class FeatureQueue : nn.Module
{
    /// <summary>A queue of <paramref name="size"/> keys of length <paramref name="dim"/>, initialised from <paramref name="random"/> (or the global generator).</summary>
    public FeatureQueue(int size, int dim, Generator? random = null) : base(nameof(FeatureQueue))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        Dim = dim;
        _size = size.ToScalar();
        register_buffer("keys", RandomUnitRows.Create(size, dim, random));
        register_buffer("pointer", zeros([], ScalarType.Int64));
    }

    private readonly Scalar _size;

    /// <summary>Number of keys held.</summary>
    public int Size { get; }

    /// <summary>Length of one key.</summary>
    public int Dim { get; }

    /// <summary>All keys (<see cref="Size"/>, <see cref="Dim"/>), unit length; the buffer itself, not a copy.</summary>
    public Tensor Keys => get_buffer("keys")!;

    /// <summary>The row the next key is written to.</summary>
    public long Pointer => get_buffer("pointer")!.ToInt64();

    /// <summary>
    /// Writes the normalised <paramref name="keys"/> (B, <see cref="Dim"/>) over the oldest entries, wrapping around
    /// the end; when B exceeds <see cref="Size"/>, only the newest <see cref="Size"/> keys are kept. No gradient. In a
    /// data-parallel step the keys of every rank are written, in rank order, so every rank keeps the same queue.
    /// </summary>
    public void Enqueue(Tensor keys)
    {
        if (keys.dim() != 2 || keys.shape[1] != Dim)
            throw new ArgumentException($"Expected keys of shape (B, {Dim}), got [{string.Join(", ", keys.shape)}].", nameof(keys));
        using var _ = no_grad();
        keys = CrossRank.Gather(keys.detach());
        var queue = Keys;
        var batch = keys.shape[0];
        var kept = Math.Min(batch, Size);
        var start = (Pointer + batch - kept) % Size;
        var rows = Range(start, start + kept, ScalarType.Int64, queue.device).remainder_(_size);
        var newest = keys.detach()[TensorIndex.Slice(batch - kept)];
        queue.index_copy_(0, rows, nn.functional.normalize(newest, dim: 1).to(queue.dtype));
        using var next = ((Pointer + batch) % Size).ToScalar();
        get_buffer("pointer")!.fill_(next);
    }
}
