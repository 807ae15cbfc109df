using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators;

/// <summary>
/// Writes the rest of every method class declared with SelfishGen attributes: parse each declaration into a
/// <see cref="MethodModel"/>, emit one file per method, and one file that registers them all; report the declarations
/// that cannot be generated.
/// </summary>
/// <remarks>
/// Two outputs share the parse, as in System.Text.Json's generator: the source output sees only the equatable models,
/// so an edit that keeps a declaration regenerates nothing; the diagnostic output sees the located problems.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MethodGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One entry point per method attribute, so a declaration missing its objective is found too; the merges drop
        // a class found through several of its attributes.
        var parsed = KnownNames.MethodAttributes
            .Select(attribute => context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (declaration, cancellationToken) => MethodParser.Parse(declaration, cancellationToken)))
            .ToList();

        var methods = parsed
            .Select(declarations => declarations
                .Select(static (declaration, _) => declaration.Model)
                .WithTrackingName(TrackingNames.Declarations)
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .Collect())
            .Aggregate(Concat)
            .SelectMany(static (all, _) => all.Distinct())
            .WithTrackingName(TrackingNames.Methods);

        context.RegisterSourceOutput(methods, static (output, method) => output.AddSource(method.HintName, MethodEmitter.Emit(method)));

        var registrations = methods
            .Collect()
            .Select(static (all, _) => all.Select(method => method.FullyQualifiedName).OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Registrations);

        context.RegisterSourceOutput(registrations, static (output, names) =>
        {
            if (names.Count > 0)
                output.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(names));
        });

        var problems = parsed
            .Select(declarations => declarations.Where(static declaration => declaration.Diagnostics.Count > 0).Collect())
            .Aggregate(Concat)
            .SelectMany(static (all, _) => all.GroupBy(declaration => declaration.Class).Select(group => group.First()));

        context.RegisterSourceOutput(problems, static (output, declaration) =>
        {
            foreach (var diagnostic in declaration.Diagnostics)
                output.ReportDiagnostic(diagnostic);
        });
    }

    // The items of both providers, in one array.
    private static IncrementalValueProvider<ImmutableArray<T>> Concat<T>(IncrementalValueProvider<ImmutableArray<T>> all, IncrementalValueProvider<ImmutableArray<T>> next) =>
        all.Combine(next).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
}
