using SelfishGen.State;

namespace SelfishGen.Tests.State;

public sealed class MomentumScheduleTests
{
    [Fact]
    public void The_cosine_schedule_starts_at_its_base_and_ends_at_one()
    {
        var schedule = MomentumSchedule.Cosine(0.996);

        Assert.Equal(0.996, schedule.At(0), 12);
        Assert.Equal(0.998, schedule.At(0.5), 12);
        Assert.Equal(1.0, schedule.At(1), 12);
        Assert.True(schedule.At(0.25) < schedule.At(0.75));
    }

    [Fact]
    public void The_constant_schedule_never_moves()
    {
        var schedule = MomentumSchedule.Constant(0.999);

        Assert.Equal(0.999, schedule.At(0));
        Assert.Equal(0.999, schedule.At(0.99));
    }

    [Fact]
    public void A_momentum_outside_zero_to_one_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MomentumSchedule.Cosine(1.5));
}
