namespace SelfishGen.Data;

/// <summary>
/// The image files of a folder and their labels: images directly in the folder are unlabelled; a folder of sub-folders
/// is labelled by first-level sub-folder (searched recursively), classes sorted by ordinal name.
/// </summary>
internal sealed record ImageFolderLayout(
    IReadOnlyList<string> Files, int[]? Labels, IReadOnlyList<string> ClassNames, IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>File extensions read as images.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp"];

    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };
    private static readonly EnumerationOptions TopLevel = new() { IgnoreInaccessible = true };

    /// <summary>Lists the images of <paramref name="folder"/>; throws when it is missing or holds none.</summary>
    public static ImageFolderLayout Scan(string folder)
    {
        var what = $"put {string.Join(", ", Extensions)} images in it (unlabelled) or in one sub-folder per class (labelled)";
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The image folder '{folder}' does not exist: create it and {what}.");
        var classFolders = Directory.EnumerateDirectories(folder, "*", TopLevel)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && Images(d, Recursive).Any())
            .Order(StringComparer.Ordinal)
            .ToList();
        var topImages = Images(folder, TopLevel).ToList();
        if (classFolders.Count == 0 && topImages.Count == 0)
            throw new FileNotFoundException($"No images in '{folder}': {what}.");
        if (classFolders.Count == 0)
            return new ImageFolderLayout(topImages, null, [], []);

        var files = classFolders.Select(d => Images(d, Recursive).ToList()).ToList();
        return new ImageFolderLayout(
            files.SelectMany(f => f).ToList(),
            files.SelectMany((f, label) => Enumerable.Repeat(label, f.Count)).ToArray(),
            classFolders.Select(d => Path.GetFileName(d)).ToList(),
            topImages.Select(f => new SkippedFile(f, "not in a class sub-folder, and the folder is labelled by its sub-folders")).ToList());
    }

    private static IEnumerable<string> Images(string folder, EnumerationOptions options) =>
        Directory.EnumerateFiles(folder, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
}
