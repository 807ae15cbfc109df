using Spectre.Console;
using SelfishGen.Data;

namespace SelfishGen.Cli.Commands;

/// <summary>Tells the user which files of a dataset were left out and why: a count, the first few, and a file with all.</summary>
public static class SkippedFilesReport
{
    /// <summary>Files listed on the console; the rest are in the list file.</summary>
    public const int Shown = 10;

    /// <summary>
    /// Prints the files <paramref name="data"/> left out (nothing when it left none out or is not a folder of images);
    /// when there are more than <see cref="Shown"/>, writes them all to <paramref name="listPath"/>.
    /// </summary>
    public static void Print(IImageDataset data, string listPath)
    {
        if (data is not ImageFolderDataset { Skipped.Count: > 0 } folder)
            return;
        var skipped = folder.Skipped;
        AnsiConsole.MarkupLine($"[yellow]Skipped {skipped.Count} file(s)[/] of {Markup.Escape(folder.Folder)}:");
        foreach (var file in skipped.Take(Shown))
            AnsiConsole.MarkupLine($"  {Markup.Escape(file.Path)}: {Markup.Escape(file.Reason)}");
        if (skipped.Count <= Shown)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(listPath))!);
        File.WriteAllLines(listPath, skipped.Select(file => $"{file.Path}\t{file.Reason}"));
        AnsiConsole.MarkupLine($"  … and {skipped.Count - Shown} more: all are listed in {Markup.Escape(listPath)}");
    }
}
