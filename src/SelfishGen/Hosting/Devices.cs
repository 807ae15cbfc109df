namespace SelfishGen.Hosting;

/// <summary>Parses device names and checks that the device exists on this machine.</summary>
public static class Devices
{
    /// <summary>
    /// The device named <paramref name="name"/>: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>; <c>auto</c> (or null) picks
    /// CUDA when available, else the CPU. Throws an <see cref="ArgumentException"/> that says what to do when CUDA is
    /// asked for but not available.
    /// </summary>
    public static torch.Device Parse(string? name)
    {
        var text = (name ?? "auto").Trim().ToLowerInvariant();
        if (text == "auto")
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (text == "cpu")
            return torch.CPU;
        if (!text.StartsWith("cuda", StringComparison.Ordinal))
            throw new ArgumentException($"Unknown device '{name}': use cpu, cuda, cuda:N or auto.");
        if (!torch.cuda.is_available())
            throw new ArgumentException(
                $"Device '{name}' asked for, but CUDA is not available: build with -p:SelfishBackend=cuda on a Linux machine with an NVIDIA GPU and driver, or use --device cpu.");
        return torch.device(text);
    }
}
