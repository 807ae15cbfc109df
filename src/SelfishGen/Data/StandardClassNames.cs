namespace SelfishGen.Data;

/// <summary>Class-name lists for datasets whose files carry only label numbers.</summary>
public static class StandardClassNames
{
    /// <summary>The ten Fashion-MNIST classes, by label.</summary>
    public static IReadOnlyList<string> FashionMnist { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>"0", "1", … up to <paramref name="count"/> - 1: names for classes known only by number.</summary>
    public static IReadOnlyList<string> Numbered(int count) =>
        Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
