namespace SelfishGen;

/// <summary>
/// Writes checkpoint files atomically: the content goes to a temporary file beside the target, is flushed to disk,
/// and only then replaces the target with a rename. A crash, an exception or Ctrl+C during the write leaves the
/// previous checkpoint intact.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The file extension of checkpoints.</summary>
    public const string Extension = ".ckpt";

    /// <summary>The checkpoint path of a store name: <c>store/base</c> → <c>store/base.ckpt</c>.</summary>
    public static string PathOf(string name) =>
        name.EndsWith(Extension, StringComparison.Ordinal) ? name : name + Extension;

    /// <summary>Writes <paramref name="path"/> atomically with what <paramref name="write"/> puts into the stream.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
