namespace SelfishGen.Data;

/// <summary>A file left out of a dataset, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
