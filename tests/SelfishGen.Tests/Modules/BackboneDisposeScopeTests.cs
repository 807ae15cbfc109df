using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen.Tests.Modules;

/// <summary>
/// A training step's tensors live until its dispose scope ends; a backbone that left its intermediate maps there would
/// hold them through the backward pass, which otherwise frees each layer's saved maps as it goes.
/// </summary>
public sealed class BackboneDisposeScopeTests
{
    [Theory]
    [InlineData(BackboneKind.ConvNet, 1, 28)]
    [InlineData(BackboneKind.ResNet18, 3, 16)]
    [InlineData(BackboneKind.EfficientNetB0, 3, 64)]
    public void Training_forward_leaves_only_its_output_in_the_callers_dispose_scope(BackboneKind kind, int channels, int side)
    {
        manual_seed(4);
        var net = Backbones.Create(kind, new ImageShape(channels, side, side));
        net.train();
        using var images = rand(4, channels, side, side);
        using var scope = NewDisposeScope();

        var features = net.call(images);

        Assert.Equal([features], scope.DisposablesView.OfType<Tensor>().Where(t => !t.IsInvalid));
    }
}
