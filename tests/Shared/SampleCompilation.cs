using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators;
using SelfishGen.Generators.Diagnostics;

namespace SelfishGen.Testing;

/// <summary>What a build makes of one sampled declaration.</summary>
/// <param name="Declaration">The declaration.</param>
/// <param name="SelfishErrors">The SSG errors reported on it, by the generator or the analyzers.</param>
/// <param name="CompileErrors">The compiler's errors in its file, and its errors and warnings in the code generated for it.</param>
internal sealed record DeclarationVerdict(RandomDeclaration Declaration, IReadOnlyList<Diagnostic> SelfishErrors, IReadOnlyList<Diagnostic> CompileErrors)
{
    /// <summary>Whether SelfishGen accepts the declaration: no SSG error.</summary>
    public bool Accepted => SelfishErrors.Count == 0;

    /// <summary>The declaration with what was reported on it.</summary>
    public override string ToString() =>
        $"{Declaration}\n{string.Join("\n", SelfishErrors.Concat(CompileErrors).Select(d => $"  {d}"))}";
}

/// <summary>
/// Compiles sampled declarations, all in one compilation (each in its own file), with the SelfishGen generator and
/// analyzers, against the framework, the runtime library and TorchSharp: as a user's build would.
/// </summary>
internal static class SampleCompilation
{
    /// <summary>C# as users build it: the latest language; doc comments parsed but not required.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    /// <summary>The framework assemblies of the test host, the runtime library and TorchSharp (its public API uses them).</summary>
    public static readonly MetadataReference[] References = ReferencesTo(typeof(SelfSupervisedMethod).Assembly, typeof(TorchSharp.torch).Assembly);

    /// <summary>Every SelfishGen analyzer, as a build runs them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => [new HyperparameterAnalyzer(), new RelationAnalyzer(), new RecipeAnalyzer()];

    /// <summary>The verdict on each of <paramref name="declarations"/>, in order, and the errors that belong to none of them.</summary>
    public static async Task<(IReadOnlyList<DeclarationVerdict> Verdicts, IReadOnlyList<Diagnostic> Unassigned)> Check(IReadOnlyList<RandomDeclaration> declarations)
    {
        var output = Generate(declarations, out var generatorDiagnostics);
        var analyzed = await output.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        var selfish = generatorDiagnostics.Concat(analyzed).Where(d => d.Id.StartsWith("SSG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        var compiler = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && IsGenerated(d.Location.SourceTree)));
        var byClass = selfish.Concat(compiler).ToLookup(d => ClassOf(d.Location.SourceTree));
        var verdicts = declarations.Select(declaration => new DeclarationVerdict(
            declaration,
            [.. byClass[declaration.Name].Where(d => d.Id.StartsWith("SSG", StringComparison.Ordinal))],
            [.. byClass[declaration.Name].Where(d => !d.Id.StartsWith("SSG", StringComparison.Ordinal))]));
        return ([.. verdicts], [.. byClass[null].Concat(generatorDiagnostics.Where(d => !d.Id.StartsWith("SSG", StringComparison.Ordinal)))]);
    }

    /// <summary>
    /// The compilation of <paramref name="declarations"/> with the code the generator adds, and the generator's
    /// diagnostics. The registration file is left out when <paramref name="register"/> is false, so that loading the
    /// assembly leaves the process's method registry as it was.
    /// </summary>
    public static Compilation Generate(IEnumerable<RandomDeclaration> declarations, out ImmutableArray<Diagnostic> diagnostics, bool register = true)
    {
        var input = CSharpCompilation.Create(
            RandomDeclaration.Namespace,
            declarations.Select(declaration => CSharpSyntaxTree.ParseText(declaration.Source, ParseOptions, path: $"{declaration.Name}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new MethodGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out var output, out diagnostics);
        return register ? output : output.RemoveSyntaxTrees(output.SyntaxTrees.Where(tree => tree.FilePath.EndsWith("MethodRegistration.g.cs", StringComparison.Ordinal)));
    }

    /// <summary>
    /// <paramref name="declarations"/> built into one assembly without the registration of their methods (the registry
    /// is global) and loaded into <paramref name="context"/>.
    /// </summary>
    public static Assembly Load(IEnumerable<RandomDeclaration> declarations, AssemblyLoadContext context) => Load(declarations, context, out _);

    /// <inheritdoc cref="Load(IEnumerable{RandomDeclaration}, AssemblyLoadContext)"/>
    /// <param name="declarations">The declarations.</param>
    /// <param name="context">Where the assembly is loaded.</param>
    /// <param name="diagnostics">What the generator reported on them (warnings; an error fails the build).</param>
    public static Assembly Load(IEnumerable<RandomDeclaration> declarations, AssemblyLoadContext context, out ImmutableArray<Diagnostic> diagnostics)
    {
        var compilation = Generate(declarations, out diagnostics, register: false);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return context.LoadFromStream(image);
    }

    // Sample007.cs and Samples.Sample007.g.cs belong to Sample007; other files (the registration) to no declaration.
    private static string? ClassOf(SyntaxTree? tree)
    {
        var file = Path.GetFileName(tree?.FilePath ?? "");
        var name = (file.StartsWith($"{RandomDeclaration.Namespace}.", StringComparison.Ordinal) ? file[(RandomDeclaration.Namespace.Length + 1)..] : file).Split('.')[0];
        return name.StartsWith("Sample", StringComparison.Ordinal) ? name : null;
    }

    private static bool IsGenerated(SyntaxTree? tree) => tree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

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
