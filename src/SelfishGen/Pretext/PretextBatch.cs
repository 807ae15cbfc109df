namespace SelfishGen.Pretext;

/// <summary>What a pretext task makes of a batch of images: network inputs and the targets to predict.</summary>
/// <param name="Inputs">Network inputs, (M, C, H, W).</param>
/// <param name="Targets">Targets, one per input (class indices, images, ...).</param>
public readonly record struct PretextBatch(torch.Tensor Inputs, torch.Tensor Targets);
