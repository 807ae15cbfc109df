using SelfishGen.Hosting;

namespace SelfishGen.Tests.Training;

public sealed class OpenMpWaitingTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", null, null)]
    [InlineData("PASSIVE", null, "OMP_WAIT_POLICY=PASSIVE")]
    [InlineData(null, "10000", "GOMP_SPINCOUNT=10000")]
    [InlineData("ACTIVE", "0", "OMP_WAIT_POLICY=ACTIVE GOMP_SPINCOUNT=0")]
    public void The_users_waiting_settings_are_read_from_both_variables(string? policy, string? spinCount, string? expected)
    {
        var environment = new Dictionary<string, string?> { ["OMP_WAIT_POLICY"] = policy, ["GOMP_SPINCOUNT"] = spinCount };

        Assert.Equal(expected, OpenMpWaiting.SettingsIn(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Once_libtorch_is_loaded_it_is_too_late_and_nothing_changes()
    {
        torch.get_num_threads(); // loads libtorch and its OpenMP runtime
        var before = Environment.GetEnvironmentVariable("GOMP_SPINCOUNT");

        Assert.False(OpenMpWaiting.SpinBriefly());
        Assert.Equal(before, Environment.GetEnvironmentVariable("GOMP_SPINCOUNT"));
    }
}
