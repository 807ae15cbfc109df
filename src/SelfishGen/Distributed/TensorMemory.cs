using static TorchSharp.torch;

namespace SelfishGen.Distributed;

/// <summary>The address of a tensor's first element, for native libraries that read or write its memory.</summary>
internal static class TensorMemory
{
    /// <summary>The address of <paramref name="tensor"/>'s first element (its storage plus its offset into it).</summary>
    public static nint Address(Tensor tensor)
    {
        var storage = tensor.dtype switch
        {
            ScalarType.Float32 => StorageAddress<float>(tensor),
            ScalarType.Float64 => StorageAddress<double>(tensor),
            ScalarType.Int64 => StorageAddress<long>(tensor),
            ScalarType.Int32 => StorageAddress<int>(tensor),
            ScalarType.Byte => StorageAddress<byte>(tensor),
            ScalarType.Bool => StorageAddress<bool>(tensor),
            _ => throw new NotSupportedException($"Tensors of {tensor.dtype} cannot be communicated: use float32, float64, int32, int64, uint8 or bool."),
        };
        return storage + (nint)(tensor.storage_offset() * tensor.ElementSize);
    }

    private static nint StorageAddress<T>(Tensor tensor) where T : unmanaged
    {
        using var storage = tensor.storage<T>();
        return storage.data_ptr();
    }
}
