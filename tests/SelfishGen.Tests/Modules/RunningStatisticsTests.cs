using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// A backbone trained on jigsaw tiles keeps the batch-norm statistics of whole images: tile passes leave the running
/// statistics alone, and a pass over the images moves them, without training anything else.
/// </summary>
public sealed class RunningStatisticsTests
{
    [Fact]
    public void A_pass_left_unchanged_normalises_as_usual_and_keeps_the_running_statistics()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var network = nn.Sequential(nn.Conv2d(2, 3, 3), nn.BatchNorm2d(3), nn.ReLU());
        network.train();
        var norm = network.modules().OfType<TorchSharp.Modules.BatchNorm>().Single();
        var images = rand(4, 2, 6, 6).mul(3).add(1);
        var (mean, variance) = (norm.running_mean!.clone(), norm.running_var!.clone());

        var output = RunningStatistics.Unchanged(network, () => network.call(images));

        Assert.True(Same(norm.running_mean, mean) && Same(norm.running_var!, variance), "the running statistics should not move");
        Assert.Equal(0.1, norm.momentum);
        var usual = network.call(images);
        Assert.True(output.allclose(usual, rtol: 1e-5, atol: 1e-6), "a training pass normalises by batch statistics either way");
        Assert.False(Same(norm.running_mean, mean), "an ordinary training pass moves them again");
    }

    [Fact]
    public void Following_images_moves_the_running_statistics_towards_theirs_and_draws_no_random_numbers()
    {
        using var scope = NewDisposeScope();
        manual_seed(12);
        var network = nn.Sequential(nn.BatchNorm2d(3, momentum: 0.5), nn.Dropout(0.5));
        network.train();
        var norm = network.modules().OfType<TorchSharp.Modules.BatchNorm>().Single();
        var images = rand(5, 3, 4, 4).mul(2).add(tensor(new[] { -1f, 0f, 3f }).view(1, 3, 1, 1));

        manual_seed(13);
        RunningStatistics.Follow(network, images);
        var drawnAfter = rand(4);
        manual_seed(13);
        var drawnWithout = rand(4);

        var imageMeans = images.mean([0, 2, 3]);
        var imageVariances = images.var([0, 2, 3], unbiased: true);
        Assert.True(norm.running_mean!.allclose(imageMeans * 0.5, rtol: 1e-5, atol: 1e-6), "halfway from 0 to the images' means");
        Assert.True(norm.running_var!.allclose(imageVariances * 0.5 + 0.5, rtol: 1e-5, atol: 1e-6), "halfway from 1 to their variances");
        Assert.True(Same(drawnAfter, drawnWithout), "dropout should have run in evaluation mode, drawing nothing");
        Assert.True(network.training && network.modules().All(module => module.training), "every layer trains again afterwards");
    }

    [Fact]
    public void Tiles_encoded_with_whole_images_leave_the_statistics_of_a_sample_of_the_images()
    {
        using var scope = NewDisposeScope();
        manual_seed(14);
        var backbone = new ConvNet(new ImageShape(3, 12, 12), width: 4);
        var twin = new ConvNet(new ImageShape(3, 12, 12), width: 4);
        twin.load_state_dict(backbone.state_dict());
        backbone.train();
        twin.train();
        var encoder = new TileEncoder(backbone.OutputFeatures, grid: 2);
        var images = rand(TileEncoder.StatisticsImages + 6, 3, 12, 12);
        var puzzles = rand(TileEncoder.StatisticsImages + 6, 3, 12, 12).mul(4);

        var features = encoder.Features(backbone, puzzles, images);
        RunningStatistics.Follow(twin, images[..TileEncoder.StatisticsImages]);

        Assert.Equal(new long[] { TileEncoder.StatisticsImages + 6, backbone.OutputFeatures }, features.shape);
        var statistics = twin.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (name, buffer) in backbone.named_buffers().Where(b => b.buffer.is_floating_point()))
            Assert.True(buffer.allclose(statistics[name], rtol: 1e-5, atol: 1e-6), $"{name} should be what the images alone leave");
    }

    private static bool Same(Tensor a, Tensor b) => a.allclose(b, rtol: 0, atol: 0);
}
