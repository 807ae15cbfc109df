namespace SelfishGen.Pretext;

/// <summary>The two halves of Lab images and what each half must predict of the other.</summary>
/// <param name="Lightness">L / 100, in [0, 1], (N, 1, H, W): the input of the L → ab branch.</param>
/// <param name="Color">(a, b) / 110, roughly in [−1, 1], (N, 2, H, W): the input of the ab → L branch.</param>
/// <param name="ColorTargets">The quantised ab class of every pixel, int64 (N, H, W): the L → ab branch's target.</param>
/// <param name="LightnessTargets">The quantised L class of every pixel, int64 (N, H, W): the ab → L branch's target.</param>
public readonly record struct ColorSplitBatch(torch.Tensor Lightness, torch.Tensor Color, torch.Tensor ColorTargets, torch.Tensor LightnessTargets);
