namespace SelfishGen.Tests.State;

/// <summary>Round-trips module state through a file, as a checkpoint does.</summary>
internal static class SavedModule
{
    /// <summary>Saves <paramref name="source"/> and loads the file into <paramref name="destination"/>.</summary>
    public static void CopyThroughFile(nn.Module source, nn.Module destination)
    {
        var path = Path.GetTempFileName();
        try
        {
            source.save(path);
            destination.load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
