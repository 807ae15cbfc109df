using System.Diagnostics;
using SelfishGen.Augmentations;
using SelfishGen.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>Throughput of the data pipeline alone, in images per second: decoding, batched augmentation, batch loading.</summary>
/// <param name="Images">Images decoded.</param>
/// <param name="DecodePerSecond">JPEG files decoded into memory (<see cref="ImageFolderDataset.Load"/>).</param>
/// <param name="AugmentPerSecond">Images through the SimCLR augmentation (random resized crop, flip, colour jitter, grayscale, blur), batched.</param>
/// <param name="LoaderPerSecond">Images gathered into batches by the <see cref="DataLoader"/> (shuffled).</param>
public sealed record DataPipelineSpeed(int Images, double DecodePerSecond, double AugmentPerSecond, double LoaderPerSecond)
{
    /// <summary>Measures on the JPEG/PNG folder <paramref name="folder"/>, or on synthetic JPEGs when it is null.</summary>
    public static DataPipelineSpeed Measure(string? folder, int batchSize, int seed)
    {
        var synthetic = folder is null;
        folder ??= WriteSyntheticJpegs(Path.Combine(Path.GetTempPath(), $"selfish-pipeline-{Guid.NewGuid():N}"), 2048, seed);
        try
        {
            var clock = Stopwatch.StartNew();
            var dataset = ImageFolderDataset.Load(folder);
            var decode = dataset.Count / clock.Elapsed.TotalSeconds;
            var loader = new DataLoader(dataset, Math.Min(batchSize, dataset.Count), shuffle: true, seed);
            return new DataPipelineSpeed(dataset.Count, decode, Augment(dataset, loader, seed), Load(loader));
        }
        finally
        {
            if (synthetic)
                Directory.Delete(folder, recursive: true);
        }
    }

    private static double Augment(IImageDataset dataset, DataLoader loader, int seed)
    {
        var augmentation = Augmentations.Augment.SimClr((dataset.Shape.Height, dataset.Shape.Width));
        using var random = new torch.Generator((ulong)seed, torch.CPU);
        var batches = loader.Epoch(0).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            long images = 0;
            foreach (var batch in batches)
            {
                using var scope = torch.NewDisposeScope();
                augmentation.Apply(batch.Images, random);
                images += batch.Size;
            }
            return images / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            batches.ForEach(b => b.Dispose());
        }
    }

    private static double Load(DataLoader loader)
    {
        var clock = Stopwatch.StartNew();
        long images = 0;
        foreach (var batch in loader.Epoch(1))
        {
            using (batch)
                images += batch.Size;
        }
        return images / clock.Elapsed.TotalSeconds;
    }

    private static string WriteSyntheticJpegs(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var pixels = new byte[32 * 32 * 3];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(pixels);
            using var image = Image.LoadPixelData<Rgb24>(pixels, 32, 32);
            image.SaveAsJpeg(Path.Combine(folder, $"{i:D5}.jpg"));
        }
        return folder;
    }
}
