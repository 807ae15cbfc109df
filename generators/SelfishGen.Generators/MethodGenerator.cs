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
/// <see cref="MethodModel"/>, emit one file per method, and one file that registers them all.
/// </summary>
/// <remarks>Validation is the analyzers' job; a declaration they reject yields no model and no code.</remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MethodGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One entry point per objective attribute (and [Adversarial], BiGAN's objective); the merge drops a class
        // found twice, such as one with [Reconstruction] and [Adversarial].
        var declared = KnownNames.EntryAttributes
            .Select(attribute => Declarations(context, attribute))
            .Aggregate((all, next) => all.Combine(next).Select(static (pair, _) => pair.Left.AddRange(pair.Right)));
        var methods = declared
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
    }

    // The models of the classes carrying the entry attribute named attribute.
    private static IncrementalValueProvider<ImmutableArray<MethodModel>> Declarations(IncrementalGeneratorInitializationContext context, string attribute) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (declaration, cancellationToken) => MethodParser.Parse(declaration, cancellationToken))
            .WithTrackingName(TrackingNames.Declarations)
            .Where(static method => method is not null)
            .Select(static (method, _) => method!)
            .Collect();
}
