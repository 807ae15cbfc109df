using SelfishGen.Data;
using SelfishGen.Methods;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Training;

/// <summary>The generated RotateNet made small (a narrow ConvNet, one hidden layer): what the training-loop tests drive.</summary>
internal static class TinyRotateNet
{
    public static RotateNet Create(IImageDataset dataset) =>
        new(dataset, new RotateNet.Options { Hidden = [32] }, new ConvNet(dataset.Shape, width: 8));
}
