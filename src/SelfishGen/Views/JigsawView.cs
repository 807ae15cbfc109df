using SelfishGen.Augmentations;
using static TorchSharp.torch;

namespace SelfishGen.Views;

/// <summary>
/// PIRL's transformed view: the CPC-augmented image is cut into 3×3 cells, a random crop of 85 % of each cell's side
/// is jittered and standardised, and the patches are reassembled in a random order (a fresh permutation per image).
/// </summary>
public sealed class JigsawView : IAugmentation
{
    private const int Grid = 3;
    private readonly IAugmentation _image = Augment.Cpc();
    private readonly JigsawTiling _tiling = new(Grid, cropFraction: 0.85, Augment.JigsawPatch());

    /// <inheritdoc />
    public Tensor Apply(Tensor images, Generator random)
    {
        var patches = _tiling.Cut(_image.Apply(images, random), random);
        var order = Draw.Uniform([images.shape[0], Grid * Grid], 0, 1, random).argsort(1).to(images.device);
        return JigsawTiling.Assemble(patches, order);
    }
}
