using SelfishGen.Data;
using SelfishGen.Methods;
using SelfishGen.State;

namespace SelfishGen.Tests.State;

/// <summary>Sizes declared for ImageNet follow the data: MoCo's queue and DINO's prototypes.</summary>
public sealed class DatasetScaledTests
{
    [Theory]
    [InlineData(65536, 50_000, 4096)]        // CIFAR-10: the usual MoCo queue and solo-learn's DINO prototypes for it
    [InlineData(65536, 60_000, 4096)]        // Fashion-MNIST
    [InlineData(65536, 1_281_167, 65536)]    // ImageNet: the papers' own
    [InlineData(1024, 1_281_167, 1024)]      // a smaller declared size stays
    [InlineData(65536, 800, 64)]
    [InlineData(65536, 5, 1)]
    public void A_size_is_at_most_an_eighth_of_the_data_as_a_power_of_two(int declared, int datasetSize, int expected) =>
        Assert.Equal(expected, DatasetScaled.Size(declared, datasetSize));

    [Theory]
    [InlineData(8_000, 512)]
    [InlineData(50_000, 4096)]
    public void DINO_has_as_many_prototypes_as_its_data_allows_in_head_and_loss(int images, int prototypes)
    {
        using var scope = NewDisposeScope();
        using var dino = new DINO(new DatasetInfo(new ImageShape(1, 28, 28), images));
        var head = dino.named_parameters().Single(p => p.name.EndsWith("prototypes", StringComparison.Ordinal) && !p.name.StartsWith("momentum", StringComparison.Ordinal));
        Assert.Equal(prototypes, head.parameter.shape[0]);
        var centre = dino.named_buffers().Single(b => b.name.Contains("center", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(prototypes, centre.buffer.shape[^1]);
    }
}
