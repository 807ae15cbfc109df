namespace SelfishGen;

/// <summary>
/// Writes checkpoint files atomically: the content goes to a temporary file beside the target, is flushed to disk and
/// checked, and only then replaces the target with a rename. A crash, an exception or Ctrl+C during the write leaves the
/// previous checkpoint intact.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The file extension of checkpoints.</summary>
    public const string Extension = ".ckpt";

    /// <summary>The checkpoint name training uses when given none: <c>store/&lt;method&gt;</c>, e.g. <c>store/RotateNet</c>.</summary>
    public static string DefaultName(string method) => $"store/{method}";

    /// <summary>The checkpoint path of a store name: <c>store/RotateNet</c> → <c>store/RotateNet.ckpt</c>.</summary>
    public static string PathOf(string name) =>
        name.EndsWith(Extension, StringComparison.Ordinal) ? name : name + Extension;

    /// <summary>
    /// Where a checkpoint of another run is kept when a new run starts over its store name:
    /// <c>store/RotateNet.ckpt</c> → <c>store/RotateNet.previous.ckpt</c>.
    /// </summary>
    public static string PreviousPathOf(string name) => Path.ChangeExtension(PathOf(name), ".previous" + Extension);

    /// <summary>Writes <paramref name="path"/> atomically with what <paramref name="write"/> puts into the stream.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="verify">Reads the written temporary file back and throws if it is not valid; the target is then left as it was.</param>
    /// <param name="keepPreviousAs">When given and <paramref name="path"/> exists, the existing file is moved there first.</param>
    public static void WriteAtomically(string path, Action<Stream> write, Action<string>? verify = null, string? keepPreviousAs = null)
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
            verify?.Invoke(temp);
            if (keepPreviousAs is not null && File.Exists(path))
                File.Move(path, keepPreviousAs, overwrite: true);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }
}
