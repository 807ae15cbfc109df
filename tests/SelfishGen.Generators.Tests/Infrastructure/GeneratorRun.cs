using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="MethodGenerator"/> on a compilation with step tracking, keeping the driver for further runs.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> diagnostics)
    {
        Driver = driver;
        Output = output;
        Diagnostics = diagnostics;
    }

    /// <summary>The driver after this run: run it again to test caching.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The input compilation plus the generated sources.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics the generator reported.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The generator's result: generated sources and tracked steps.</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The text of the generated file <paramref name="hintName"/>.</summary>
    public string Source(string hintName) =>
        Result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>Runs the generator on <paramref name="compilation"/> for the first time.</summary>
    public static GeneratorRun Of(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new MethodGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Next(driver, compilation);
    }

    /// <summary>Runs the same driver again on <paramref name="compilation"/> (an edited version of the last one).</summary>
    public GeneratorRun Then(Compilation compilation) => Next(Driver, compilation);

    private static GeneratorRun Next(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }
}
