namespace SelfishGen.Cli;

/// <summary>The selfish command's cache outside any repository: <c>~/.cache/selfishgen</c>.</summary>
public static class UserCache
{
    /// <summary>Help of the <c>--baseline-cache</c> option of the commands that evaluate.</summary>
    public const string BaselineCacheHelp =
        "Folder where the random-init and raw-pixel rows are kept, so that later runs on the same data, seed and build reuse them ('none': compute them every time). Default: ~/.cache/selfishgen/baselines.";

    /// <summary><c>~/.cache/selfishgen/&lt;name&gt;</c>.</summary>
    public static string Folder(string name) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "selfishgen", name);

    /// <summary>The folder a <c>--baseline-cache</c> value names: the default when null, none for "none".</summary>
    public static string? BaselineFolder(string? option) => option switch
    {
        null => Folder("baselines"),
        "none" => null,
        var folder => folder,
    };
}
