using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SelfishGen.Tests.Data;

/// <summary>Writes single-colour images for tests; the format follows the file extension.</summary>
internal static class TestImages
{
    public static readonly Rgb24 Red = new(255, 0, 0);
    public static readonly Rgb24 Gray = new(100, 100, 100);

    public static void Save(string path, Rgb24 colour, int width = 4, int height = 4)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        image.Save(path);
    }

    /// <summary>
    /// Writes a labelled folder <paramref name="name"/> of two classes, "red" and "gray", <paramref name="perClass"/>
    /// images of <paramref name="side"/> pixels each, and returns its path.
    /// </summary>
    public static string SaveRedAndGray(TempFolder folder, string name = "images", int perClass = 10, int side = 16)
    {
        foreach (var (label, colour) in new[] { ("red", Red), ("gray", Gray) })
            for (var i = 0; i < perClass; i++)
                Save(folder.File(name, label, $"{i}.png"), colour, side, side);
        return Path.Combine(folder.Path, name);
    }

    /// <summary>Writes images into each of <paramref name="classes"/>, <paramref name="perClass"/> each.</summary>
    public static void SaveClasses(TempFolder folder, Rgb24 colour, int perClass, params string[] classes)
    {
        foreach (var name in classes)
            for (var i = 0; i < perClass; i++)
                Save(folder.File(name, $"{i}.png"), colour);
    }
}
