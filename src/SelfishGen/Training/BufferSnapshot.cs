using static TorchSharp.torch;

namespace SelfishGen;

/// <summary>
/// Copies of a module's buffers (batch-norm statistics, queues, memory banks, pointers) taken before a step, so that a
/// skipped step can be undone: a forward pass updates some of them before the loss is known.
/// </summary>
internal sealed class BufferSnapshot
{
    private readonly List<(Tensor Buffer, Tensor Copy)> _copies;

    private BufferSnapshot(List<(Tensor, Tensor)> copies) => _copies = copies;

    /// <summary>Copies every buffer of <paramref name="module"/> (in the current dispose scope).</summary>
    public static BufferSnapshot Of(nn.Module module)
    {
        using var _ = no_grad();
        return new BufferSnapshot([.. module.buffers().Select(buffer => (buffer, buffer.clone()))]);
    }

    /// <summary>Writes the copies back into the buffers.</summary>
    public void Restore()
    {
        using var _ = no_grad();
        foreach (var (buffer, copy) in _copies)
            buffer.copy_(copy);
    }
}
