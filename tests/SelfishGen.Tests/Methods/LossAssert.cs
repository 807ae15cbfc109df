namespace SelfishGen.Tests.Methods;

/// <summary>What a training test asserts about its losses.</summary>
internal static class LossAssert
{
    /// <summary>
    /// Every step's loss of <paramref name="report"/> is finite, and the mean of the last two epochs lies below the
    /// higher of the first two (the first epoch fills queues and memory banks, whose random start makes early losses
    /// unrepresentative).
    /// </summary>
    public static void Falls(TrainingReport report, string method)
    {
        var losses = report.EpochLosses;
        Assert.All(report.StepLosses, loss => Assert.True(float.IsFinite(loss), $"{method} loss {loss}"));
        Assert.True((losses[^1] + losses[^2]) / 2 < Math.Max(losses[0], losses[1]), $"{method} epoch losses {string.Join(", ", losses)}");
    }
}
