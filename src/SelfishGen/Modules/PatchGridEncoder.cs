using SelfishGen.Data;
using SelfishGen.Views;
using static TorchSharp.torch;

namespace SelfishGen.Modules;

/// <summary>
/// A patch encoder applied to whole images as CPC evaluates it (van den Oord et al., 2018; Hénaff et al., 2020): each
/// image is cut into the <see cref="Grid"/>×<see cref="Grid"/> grid of half-overlapping patches it was trained on
/// (<see cref="PatchGrid"/>, without augmentation), every patch is encoded on its own, and the patch features form the
/// feature map (N, features, Grid, Grid) that <see cref="Backbone.forward"/> averages into one vector per image.
/// </summary>
/// <remarks>
/// It holds no parameters of its own: the patch encoder's are its, and its training mode is the patch encoder's.
/// </remarks>
public sealed class PatchGridEncoder : Backbone
{
    private readonly PatchGrid _patches;

    /// <summary>Applies <paramref name="patchEncoder"/> over a grid of <paramref name="grid"/> patches per side.</summary>
    public PatchGridEncoder(Backbone patchEncoder, int grid)
        : base(nameof(PatchGridEncoder), patchEncoder.Input, patchEncoder.OutputFeatures)
    {
        _patches = new PatchGrid(grid);
        PatchEncoder = patchEncoder;
        register_module("patch_encoder", patchEncoder);
    }

    /// <summary>The network that encodes one patch.</summary>
    public Backbone PatchEncoder { get; }

    /// <summary>Patches per side.</summary>
    public int Grid => _patches.Grid;

    /// <inheritdoc />
    public override bool training => PatchEncoder.training;

    /// <inheritdoc />
    public override Tensor FeatureMaps(Tensor images)
    {
        using var patches = _patches.Cut(images);
        using var features = PatchEncoder.call(patches);
        return _patches.Assemble(features, (int)images.shape[0]).contiguous();
    }

    /// <inheritdoc />
    public override Backbone Replicate(ImageShape input) => new PatchGridEncoder(PatchEncoder.Replicate(input), Grid);
}
