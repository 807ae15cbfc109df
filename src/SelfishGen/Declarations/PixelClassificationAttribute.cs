namespace SelfishGen;

/// <summary>
/// Declares a per-pixel classification objective for a colour-split pretext task: a 1×1 convolution on each half's
/// feature maps is trained with cross-entropy to predict the other half's class at every pixel (L features predict ab
/// classes, ab features predict L classes); the loss is the sum of both.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PixelClassificationAttribute : Attribute;
