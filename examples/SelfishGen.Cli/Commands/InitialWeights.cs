using Spectre.Console;
using SelfishGen.Data;
using SelfishGen.Interop;
using SelfishGen.Modules;

namespace SelfishGen.Cli.Commands;

/// <summary><c>selfish train --init-from</c>: a method whose backbone starts from PyTorch weights.</summary>
public static class InitialWeights
{
    /// <summary>
    /// Builds the backbone the options ask for, loads <paramref name="weights"/> into it (exactly, unless not
    /// <paramref name="strict"/>), and builds the method around it, so that momentum targets start from the same weights.
    /// </summary>
    public static SelfSupervisedMethod Instantiate(MethodDescriptor descriptor, DatasetInfo data, MethodOptions options, int seed, string weights, bool strict)
    {
        torch.manual_seed(seed);
        var backbone = Backbones.Create(options.Backbone, data.Shape);
        var import = PyTorchWeights.Import(backbone, weights, strict);
        AnsiConsole.MarkupLine($"Backbone {backbone.GetName()} from {Markup.Escape(weights)}: {Markup.Escape(PyTorchWeights.Describe(import))}.");
        return descriptor.Create(data, options, backbone);
    }
}
