using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests;

/// <summary>Generated code compiles cleanly against the real runtime, and registers its methods when loaded.</summary>
public class CompileTests
{
    [Fact]
    public void Generated_code_compiles_without_warnings()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.SpinNet()));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Loading_the_assembly_registers_its_methods()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.SpinNet()));
        using var image = new MemoryStream();
        Assert.True(run.Output.Emit(image).Success);

        image.Position = 0;
        var assembly = new AssemblyLoadContext(nameof(Loading_the_assembly_registers_its_methods)).LoadFromStream(image);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);

        var descriptor = MethodRegistry.Get("SpinNet");
        Assert.Equal("Predicts rotations with a small head.", descriptor.Summary);
        Assert.Equal(["Hidden", "LabelSmoothing", "Backbone"], descriptor.Hyperparameters.Select(h => h.Name));
        Assert.Equal("[64]", descriptor.Hyperparameters[0].Default);
        Assert.Same(assembly.GetType("Demo.SpinNet+Options"), descriptor.OptionsType);
    }

    [Fact]
    public void The_library_registers_its_own_methods()
    {
        Assert.Contains(MethodRegistry.All, descriptor => descriptor.Name == nameof(SelfishGen.Methods.RotateNet));
    }
}
