using SelfishGen.Testing;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>The runtime library compiled from its sources, with the methods the generator writes from its declarations.</summary>
internal static class LibrarySources
{
    /// <summary>The library's source folder.</summary>
    public static readonly string Folder = Path.Combine(TestPaths.Repository, "src", "SelfishGen");

    // What the project file adds: its implicit global usings and TorchSharp's.
    private const string GlobalUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks; global using TorchSharp;";

    // LibraryImport declarations are completed by the runtime's own generator, which this compilation does not run.
    private const string PartialMethodWithoutImplementation = "CS8795";

    private static readonly Lazy<(Compilation, ImmutableArray<Diagnostic>)> Compiled = new(Build);

    /// <summary>The compiled library (sources plus generated methods) and its errors.</summary>
    public static (Compilation Compilation, ImmutableArray<Diagnostic> Errors) Compile() => Compiled.Value;

    private static (Compilation, ImmutableArray<Diagnostic>) Build()
    {
        var sources = Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), TestCompilation.ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, TestCompilation.ParseOptions, "GlobalUsings.cs"));
        var compilation = CSharpCompilation.Create(
            "SelfishGen",
            sources,
            SampleCompilation.ReferencesTo(typeof(TorchSharp.torch).Assembly, Assembly.Load("SixLabors.ImageSharp"), Assembly.Load("TorchSharp.PyBridge")),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var output = GeneratorRun.Of(compilation).Output;
        var errors = output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != PartialMethodWithoutImplementation)
            .ToImmutableArray();
        return (output, errors);
    }
}
