using System.Reflection;

namespace SelfishGen.Tests;

/// <summary>The repository's source files, for tests that check a rule over the code itself.</summary>
internal static class SourceTree
{
    /// <summary>The repository's root folder (recorded at build time).</summary>
    public static string Root { get; } = typeof(SourceTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    /// <summary>The C# files below <paramref name="folder"/> (relative to the root), without build output.</summary>
    public static IEnumerable<string> CSharpFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>A path relative to the root, with '/' separators.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
}
