using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Rules;

namespace SelfishGen.Generators.Parsing;

/// <summary>Lowers a method class and its SelfishGen attributes to a <see cref="MethodModel"/>.</summary>
internal static class MethodParser
{
    /// <summary>
    /// The model of the class <paramref name="context"/> targets, or null when nothing can be generated for it (the
    /// analyzers report why: not partial, not a <c>SelfSupervisedMethod</c>, pieces that do not fit). Nested and
    /// generic classes are not supported yet.
    /// </summary>
    public static MethodModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { ContainingType: null, IsGenericType: false } type
            || !type.IsPartial(cancellationToken)
            || !type.DerivesFromSelfSupervisedMethod()
            || CompositionRules.Check(type, cancellationToken).Any()
            || CompositionReader.Read(type) is not { } composition)
            return null;

        var ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        return new MethodModel(
            ns,
            type.Name,
            DocumentationSummary.Of(type, cancellationToken),
            composition,
            HyperparameterReader.ReadAll(type).ToEquatableArray());
    }
}
