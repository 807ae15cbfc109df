namespace SelfishGen.Modules;

/// <summary>The built-in backbones a method can build for itself.</summary>
public enum BackboneKind
{
    /// <summary>
    /// Picked from the image size: <see cref="ConvNet"/> below 32 pixels, <see cref="ResNet18"/> below 64 (CIFAR-sized
    /// images, where EfficientNet-B0's 32-fold down-sampling leaves a single pixel), <see cref="EfficientNetB0"/> from
    /// 64 pixels up.
    /// </summary>
    Auto,

    /// <summary>A small four-layer ConvNet for tiny images such as 28×28 MNIST.</summary>
    ConvNet,

    /// <summary>ResNet-18 with the CIFAR stem (3×3 stride-1 first convolution, no max-pool).</summary>
    ResNet18,

    /// <summary>EfficientNet-B0 with batch normalisation: 1280 features, maps 1/32 of the input size.</summary>
    EfficientNetB0,
}
