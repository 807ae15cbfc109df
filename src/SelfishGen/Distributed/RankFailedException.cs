namespace SelfishGen.Distributed;

/// <summary>Another rank of a data-parallel run failed, and every rank stopped at the same step.</summary>
public sealed class RankFailedException(string message) : Exception(message);
