using System.Text.RegularExpressions;

namespace SelfishGen.Data;

/// <summary>Finds the images file and its labels file in a folder of IDX files (MNIST layout).</summary>
internal static partial class IdxFolder
{
    /// <summary>What a folder of IDX files must hold, for error messages.</summary>
    public const string Expected = "'<prefix>-images-idx3-ubyte[.gz]' with a matching '<prefix>-labels-idx1-ubyte[.gz]'";

    [GeneratedRegex(@"^(?<prefix>.+)-images[-.]idx3-ubyte(\.gz)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ImagesName();

    [GeneratedRegex(@"^(?<prefix>.+)-labels[-.]idx1-ubyte(\.gz)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelsName();

    /// <summary>Whether <paramref name="folder"/> directly holds an IDX images file.</summary>
    public static bool Contains(string folder) => Directory.Exists(folder) && ImageFiles(folder).Count > 0;

    /// <summary>
    /// The images and labels files of <paramref name="split"/> ("train", "t10k" or its alias "test") in
    /// <paramref name="folder"/>; with no split, the training files, or the only pair there is.
    /// </summary>
    public static (string Images, string Labels) Find(string folder, string? split)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist; it should hold {Expected}.");
        var images = ImageFiles(folder);
        var prefix = split?.ToLowerInvariant() switch
        {
            null => images.Count == 1 ? null : "train",
            "test" => "t10k",
            var given => given,
        };
        var chosen = images.Where(f => prefix is null || Prefix(ImagesName(), f).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count != 1)
            throw new FileNotFoundException(
                $"Found {chosen.Count} images files{(prefix is null ? "" : $" of split '{prefix}'")} in '{folder}' " +
                $"({Describe(images)}); expected one {Expected}. Name the split ('train' or 't10k').");
        var labels = Directory.EnumerateFiles(folder)
            .Where(f => LabelsName().IsMatch(Path.GetFileName(f)) && Prefix(LabelsName(), f) == Prefix(ImagesName(), chosen[0]))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new FileNotFoundException(
                $"No labels file for '{chosen[0]}': expected '{Prefix(ImagesName(), chosen[0])}-labels-idx1-ubyte[.gz]' beside it.");
        return (chosen[0], labels);
    }

    private static List<string> ImageFiles(string folder) =>
        Directory.EnumerateFiles(folder).Where(f => ImagesName().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();

    private static string Prefix(Regex name, string path) => name.Match(Path.GetFileName(path)).Groups["prefix"].Value;

    private static string Describe(List<string> files) =>
        files.Count == 0 ? "none" : string.Join(", ", files.Select(Path.GetFileName));
}
