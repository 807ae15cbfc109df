namespace SelfishGen.Package.Tests;

/// <summary>
/// The repository's SelfishGen package and 'selfish' tool package, packed on first use into a <see cref="ConsumerFolder"/>
/// feed with a version of their own (<c>0.1.0-t&lt;random&gt;</c>), so no NuGet cache anywhere holds an older build of it.
/// </summary>
public sealed class PackedRepository : IDisposable
{
    private readonly Lazy<string> _library;
    private readonly Lazy<string> _tool;

    /// <summary>Prepares the folder; nothing is packed yet.</summary>
    public PackedRepository()
    {
        _library = new(() => Pack("src/SelfishGen", "SelfishGen"));
        _tool = new(() => Pack("examples/SelfishGen.Cli", "selfish"));
    }

    /// <summary>The repository root: the folder above the test assembly that holds <c>SelfishGen.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Where the packages go and consumers are made.</summary>
    public ConsumerFolder Folder { get; } = new();

    /// <summary>The version suffix given to both packages.</summary>
    public string Suffix { get; } = "t" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The version of the packed SelfishGen package (packs it on first use).</summary>
    public string LibraryVersion => _library.Value;

    /// <summary>The version of the packed selfish tool package (packs it on first use).</summary>
    public string ToolVersion => _tool.Value;

    private string Pack(string project, string id)
    {
        var (code, output) = ProcessRun.Run(RepositoryRoot, "dotnet",
            ["pack", project, "-c", "Release", "-o", Folder.Feed, "--version-suffix", Suffix]);
        Assert.True(code == 0, $"dotnet pack {project} failed:\n{output}");
        var package = Directory.GetFiles(Folder.Feed, $"{id}.*-{Suffix}.nupkg").Single();
        Assert.True(File.Exists(Path.ChangeExtension(package, ".snupkg")), $"no symbol package beside {package}");
        return Path.GetFileNameWithoutExtension(package)[(id.Length + 1)..];
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SelfishGen.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No SelfishGen.sln above {AppContext.BaseDirectory}.");
    }

    /// <inheritdoc />
    public void Dispose() => Folder.Dispose();
}
