namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-output checks: compares text with <c>Snapshots/&lt;name&gt;.verified.cs</c>. On a mismatch it writes
/// <c>&lt;name&gt;.received.cs</c> beside it and fails; with <c>UPDATE_SNAPSHOTS=1</c> it approves the text instead.
/// A missing snapshot fails too, so nothing is approved silently.
/// </summary>
internal static class Snapshot
{
    /// <summary>Asserts that <paramref name="actual"/> equals the approved snapshot <paramref name="name"/>.</summary>
    public static void Match(string actual, string name)
    {
        actual = actual.Replace("\r\n", "\n");
        var verified = Path.Combine(TestPaths.Snapshots, $"{name}.verified.cs");
        var received = Path.Combine(TestPaths.Snapshots, $"{name}.received.cs");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        if (!File.Exists(verified))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"No approved snapshot {verified}; review {received} and approve it with UPDATE_SNAPSHOTS=1.");
        }
        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"{name} differs from its snapshot: {FirstDifference(expected, actual)} (see {received}; approve with UPDATE_SNAPSHOTS=1).");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (expectedLines, actualLines) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var (wanted, got) = (expectedLines.ElementAtOrDefault(i), actualLines.ElementAtOrDefault(i));
            if (wanted != got)
                return $"line {i + 1}: expected '{wanted ?? "<end>"}' but was '{got ?? "<end>"}'";
        }
        return "no line differs";
    }
}
