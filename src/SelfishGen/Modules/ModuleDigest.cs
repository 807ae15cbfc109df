using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>A SHA-256 digest of a module's state: the name, type, shape and bytes of every parameter and buffer.</summary>
internal static class ModuleDigest
{
    /// <summary>The digest of <paramref name="module"/>'s parameters and buffers, in registration order.</summary>
    public static byte[] Of(nn.Module module)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var state = module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(module.named_buffers());
        foreach (var (name, tensor) in state)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}:{tensor.dtype}:{string.Join("x", tensor.shape)};"));
            using var onCpu = tensor.cpu();
            using var contiguous = onCpu.contiguous();
            hash.AppendData(contiguous.bytes);
        }
        return hash.GetHashAndReset();
    }
}
