using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>Compilations of test sources against the framework, the real SelfishGen runtime and TorchSharp.</summary>
internal static class TestCompilation
{
    /// <summary>C# as the library is built: latest language, doc comments parsed (so summaries reach the generator).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly MetadataReference[] References = ReferencesTo(typeof(SelfSupervisedMethod).Assembly, typeof(TorchSharp.torch).Assembly);

    /// <summary>A library compilation of <paramref name="sources"/>.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "Demo",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Demo.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The framework assemblies of the test host, plus <paramref name="libraries"/>.</summary>
    public static MetadataReference[] ReferencesTo(params Assembly[] libraries)
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory);
        return [.. framework.Concat(libraries.Select(library => library.Location)).Select(path => MetadataReference.CreateFromFile(path))];
    }
}
