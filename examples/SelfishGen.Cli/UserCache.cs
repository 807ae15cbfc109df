namespace SelfishGen.Cli;

/// <summary>The selfish command's cache outside any repository: <c>~/.cache/selfishgen</c>.</summary>
public static class UserCache
{
    /// <summary><c>~/.cache/selfishgen/&lt;name&gt;</c>.</summary>
    public static string Folder(string name) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "selfishgen", name);
}
