using SelfishGen.Objectives;

namespace SelfishGen.Tests.Pretext;

public sealed class ReconstructionLossTests
{
    private static readonly Tensor Target = zeros(1, 2, 2, 2);
    private static readonly Tensor Reconstruction = tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, [1, 2, 2, 2]);
    private static readonly Tensor Mask = tensor(new float[] { 1, 0, 0, 0 }, [1, 1, 2, 2]);

    [Fact]
    public void Without_a_mask_it_is_the_mean_squared_error()
    {
        Assert.Equal(204f / 8, new ReconstructionLoss().Loss(Reconstruction, Target).item<float>(), 4);
    }

    [Fact]
    public void With_a_mask_only_the_masked_pixels_count_by_default()
    {
        // Pixel (0, 0) holds 1 and 5 in the two channels: (1 + 25) / 2.
        Assert.Equal(13f, new ReconstructionLoss().Loss(Reconstruction, Target, Mask).item<float>(), 4);
    }

    [Fact]
    public void Pixels_outside_the_mask_weigh_the_outside_weight()
    {
        Assert.Equal(204f / 8, new ReconstructionLoss(1).Loss(Reconstruction, Target, Mask).item<float>(), 4);
        // Weights 1, 0.5, 0.5, 0.5: (26 + 0.5 · 178) / (2 · 2.5).
        Assert.Equal(23f, new ReconstructionLoss(0.5).Loss(Reconstruction, Target, Mask).item<float>(), 4);
        Assert.Equal(0f, new ReconstructionLoss().Loss(Reconstruction, Target, zeros_like(Mask)).item<float>());
    }
}
