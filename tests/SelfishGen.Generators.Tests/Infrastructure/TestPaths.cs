using System.Reflection;

namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>
/// Folders of the source tree, from the project directory recorded at build time (<c>AssemblyMetadata</c>): unlike
/// <c>[CallerFilePath]</c>, it survives path mapping in deterministic CI builds.
/// </summary>
internal static class TestPaths
{
    /// <summary>This test project's folder.</summary>
    public static readonly string Project =
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;

    /// <summary>The repository's root folder.</summary>
    public static readonly string Repository = Path.GetFullPath(Path.Combine(Project, "..", ".."));

    /// <summary>Where approved snapshots live.</summary>
    public static readonly string Snapshots = Path.Combine(Project, "Snapshots");
}
