using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SelfishGen.Augmentations;

/// <summary>
/// Elastic deformation: a coarse <see cref="GridPoints"/>×<see cref="GridPoints"/> grid of displacement vectors, each
/// component drawn from N(0, <see cref="Sigma"/>²) pixels, interpolated smoothly (bicubic) to every pixel; the image
/// is resampled bilinearly there, zeros outside. The original interpolates with cubic B-splines and resamples cubically.
/// </summary>
public sealed class ElasticDeformation(double sigma = 10, int gridPoints = 3) : IAugmentation
{
    /// <summary>Standard deviation of the grid displacements, in pixels.</summary>
    public double Sigma { get; } = sigma;

    private readonly Scalar _sigma = sigma.ToScalar();

    /// <summary>Number of displacement vectors along each side.</summary>
    public int GridPoints { get; } = gridPoints;

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var (count, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var coarse = Draw.Normal([count, 2, GridPoints, GridPoints], float64, random).mul_(_sigma);
        var pixels = interpolate(
            coarse.to(images.dtype, images.device), [height, width], mode: InterpolationMode.Bicubic, align_corners: true);
        var scale = tensor(new[] { 2f / width, 2f / height }, images.dtype, images.device).view(1, 2, 1, 1);
        var identity = eye(2, 3, images.dtype, images.device).expand(count, 2, 3);
        var grid = affine_grid(identity, [count, images.shape[1], height, width]).Plus((pixels * scale).permute(0, 2, 3, 1));
        return grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false)
            .clamp(Zero, One);
    }
}
