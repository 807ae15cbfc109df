namespace SelfishGen.Modules;

/// <summary>The built-in backbones a method can build for itself.</summary>
public enum BackboneKind
{
    /// <summary>Picked from the image size: <see cref="ConvNet"/> below 32 pixels, <see cref="ResNet18"/> otherwise.</summary>
    Auto,

    /// <summary>A small four-layer ConvNet for tiny images such as 28×28 MNIST.</summary>
    ConvNet,

    /// <summary>ResNet-18 with the CIFAR stem (3×3 stride-1 first convolution, no max-pool).</summary>
    ResNet18,

    /// <summary>EfficientNet-B0 with batch normalisation: 1280 features, maps 1/32 of the input size.</summary>
    EfficientNetB0,
}
