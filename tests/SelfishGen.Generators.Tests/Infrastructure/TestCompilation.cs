using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SelfishGen.Testing;

namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>Compilations of test sources against the framework, the real SelfishGen runtime and TorchSharp.</summary>
internal static class TestCompilation
{
    /// <summary>C# as the library is built: latest language, doc comments parsed (so summaries reach the generator).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>A library compilation of <paramref name="sources"/>.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "Demo",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Demo.cs")),
            SampleCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
