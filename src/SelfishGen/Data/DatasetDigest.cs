using System.Security.Cryptography;
using System.Text;

namespace SelfishGen.Data;

/// <summary>A SHA-256 digest of a dataset's content: its count, shape, class names, labels and every pixel.</summary>
internal static class DatasetDigest
{
    private const int ImagesPerRead = 1024;

    /// <summary>The digest of <paramref name="dataset"/>: equal for the same images and labels in the same order.</summary>
    public static byte[] Of(IImageDataset dataset)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{dataset.Count}:{dataset.Shape}:{string.Join("|", dataset.ClassNames)};"));
        var indices = new int[ImagesPerRead];
        var labels = new byte[sizeof(int) * ImagesPerRead];
        for (var start = 0; start < dataset.Count; start += ImagesPerRead)
        {
            var count = Math.Min(ImagesPerRead, dataset.Count - start);
            for (var i = 0; i < count; i++)
            {
                indices[i] = start + i;
                BitConverter.TryWriteBytes(labels.AsSpan(sizeof(int) * i), dataset.Label(start + i));
            }
            hash.AppendData(labels, 0, sizeof(int) * count);
            using var images = dataset.LoadImages(indices.AsSpan(0, count));
            using var contiguous = images.contiguous();
            hash.AppendData(contiguous.bytes);
        }
        return hash.GetHashAndReset();
    }
}
