namespace SelfishGen;

/// <summary>
/// Declares a reconstruction objective: a convolutional decoder on the backbone's feature maps is trained with mean
/// squared error to produce the pretext task's target image.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ReconstructionAttribute : Attribute;
