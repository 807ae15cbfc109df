using static TorchSharp.torch;

namespace SelfishGen.Augmentations;

/// <summary>Shuffled images and, per sample, the index of the permutation (in its set) that shuffled them.</summary>
public sealed record JigsawPuzzle(Tensor Images, Tensor PermutationIndices);
