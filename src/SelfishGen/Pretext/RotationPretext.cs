using SelfishGen.Data;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Pretext;

/// <summary>
/// Rotation prediction (Gidaris et al., 2018): every image appears rotated by 0°, 90°, 180° and 270°
/// counter-clockwise, and the target is the rotation's index. A batch of N images gives 4N inputs.
/// Non-square images are centre-cropped to a square first, so that all rotations share one shape.
/// </summary>
public sealed class RotationPretext
{
    /// <summary>Number of rotation classes.</summary>
    public int ClassCount => 4;

    /// <summary>The rotated images of <paramref name="batch"/> and their rotation index, as <see cref="Apply(Tensor)"/>.</summary>
    public PretextBatch Apply(Batch batch, TrainingContext context) => Apply(batch.Images);

    /// <summary>The rotated images (rotation-major: all images at 0°, then at 90°, ...) and their rotation index.</summary>
    public PretextBatch Apply(Tensor images)
    {
        var square = CenterSquare(images);
        var rotated = cat([square, square.rot90(1, (2, 3)), square.rot90(2, (2, 3)), square.rot90(3, (2, 3))]);
        var targets = Range(ClassCount, int64, images.device).repeat_interleave(images.shape[0]);
        return new PretextBatch(rotated, targets);
    }

    private static Tensor CenterSquare(Tensor images)
    {
        var (height, width) = (images.shape[2], images.shape[3]);
        if (height == width)
            return images;
        var side = Math.Min(height, width);
        return images.narrow(2, (height - side) / 2, side).narrow(3, (width - side) / 2, side);
    }
}
