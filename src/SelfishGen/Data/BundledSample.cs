namespace SelfishGen.Data;

/// <summary>
/// A dataset shipped inside the library, so training works with no download: the 10,000 Fashion-MNIST test images,
/// 1,000 of each class, 1×28×28 (MIT licence, Zalando SE 2017; see <see cref="Notice"/>).
/// </summary>
public static class BundledSample
{
    private const string Prefix = "SelfishGen.Data.Sample.";
    private const string ImagesResource = Prefix + "fashion-mnist-sample-images-idx3-ubyte.gz";
    private const string LabelsResource = Prefix + "fashion-mnist-sample-labels-idx1-ubyte.gz";

    /// <summary>The Fashion-MNIST sample, labelled with Fashion-MNIST's class names.</summary>
    public static IdxDataset FashionMnist()
    {
        using var images = Resource(ImagesResource);
        using var labels = Resource(LabelsResource);
        return IdxDataset.FromStreams(images, ImagesResource, labels, LabelsResource, StandardClassNames.FashionMnist);
    }

    /// <summary>The sample's origin and licence notice (Markdown).</summary>
    public static string Notice
    {
        get
        {
            using var reader = new StreamReader(Resource(Prefix + "NOTICE.md"));
            return reader.ReadToEnd();
        }
    }

    private static Stream Resource(string name) =>
        typeof(BundledSample).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The resource '{name}' is missing from {typeof(BundledSample).Assembly.GetName().Name}: the library was built without its sample.");
}
