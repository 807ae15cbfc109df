using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Rules;

namespace SelfishGen.Generators.Parsing;

/// <summary>Lowers a method class and its SelfishGen attributes to a <see cref="MethodModel"/>, or to its problems.</summary>
internal static class MethodParser
{
    /// <summary>
    /// The model of the class <paramref name="context"/> targets, or the problems that keep it from being generated
    /// (<see cref="DeclarationRules"/>).
    /// </summary>
    public static ParsedDeclaration Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var diagnostics = DeclarationRules.Check(type, cancellationToken).Select(problem => problem.ToDiagnostic()).ToEquatableArray();
        var model = diagnostics.Count == 0 && CompositionReader.Read(type) is { } composition ? Lower(type, composition, cancellationToken) : null;
        return new ParsedDeclaration(type.ToDisplayString(), model, diagnostics);
    }

    private static MethodModel Lower(INamedTypeSymbol type, Composition composition, CancellationToken cancellationToken) =>
        new(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            DocumentationSummary.Of(type, cancellationToken),
            composition,
            new[] { ViewsOption.Of(composition) }.OfType<HyperparameterModel>().Concat(HyperparameterReader.ReadAll(type)).ToEquatableArray(),
            HyperparameterReader.ReadRecipe(type).ToEquatableArray());
}
