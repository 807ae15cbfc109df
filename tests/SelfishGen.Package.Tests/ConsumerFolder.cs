namespace SelfishGen.Package.Tests;

/// <summary>
/// A temporary folder outside the repository, as a user's machine would have it: a local package feed, a private
/// NuGet packages folder (so a re-packed version never meets a stale copy), and a <c>nuget.config</c> naming both, with
/// the user's own packages folder as a read-only fallback for TorchSharp and the other served packages.
/// </summary>
public sealed class ConsumerFolder : IDisposable
{
    /// <summary>Creates the folder and its <c>nuget.config</c>.</summary>
    public ConsumerFolder()
    {
        Directory.CreateDirectory(Feed);
        var shared = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <packageSources>
                <add key="selfishgen-local" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user-packages" value="{shared}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    /// <summary>The folder; nothing of the repository's build settings applies inside it.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "selfishgen-consumer-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The local feed the packages are packed into.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The private NuGet packages folder.</summary>
    public string Packages => Path.Combine(Root, "packages");

    /// <summary>Variables for child processes: the private packages folder even where NUGET_PACKAGES is set.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/> inside the folder; returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
