using SelfishGen.Hosting;

namespace SelfishGen.Tests.Training;

public sealed class NativeAllocatorTests
{
    [Theory]
    [InlineData("glibc.malloc.mmap_threshold=8388608", true)]
    [InlineData("glibc.pthread.rseq=0:glibc.malloc.arena_max=2", true)]
    [InlineData("glibc.pthread.rseq=0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_malloc_tunable_counts_as_the_users_own_allocator_setting(string? tunables, bool users)
    {
        Assert.Equal(users ? tunables : null, NativeAllocator.MallocTunables(tunables));
    }
}
