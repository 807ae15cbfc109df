using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Parsing;

/// <summary>Lowers a method class and its SelfishGen attributes to a <see cref="MethodModel"/>.</summary>
internal static class MethodParser
{
    /// <summary>
    /// The model of the class <paramref name="context"/> targets, or null when nothing can be generated for it (the
    /// analyzers report why: not partial, not a <c>SelfSupervisedMethod</c>, a missing piece). Nested and generic
    /// classes are not supported yet.
    /// </summary>
    public static MethodModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol { ContainingType: null, IsGenericType: false } type
            || !type.IsPartial(cancellationToken)
            || !type.DerivesFromSelfSupervisedMethod())
            return null;

        var pretext = type.FindAttribute([KnownNames.PretextAttribute]);
        var classification = type.FindAttribute([KnownNames.ClassificationAttribute]);
        if (pretext is null || classification is null || PretextTypes.Of(pretext) is not { } pretextType)
            return null;

        var hyperparameters = HyperparameterTable.Of(KnownNames.ClassificationAttribute)
            .Select(definition => HyperparameterReader.Read(definition, classification))
            .ToEquatableArray();
        var ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        return new MethodModel(ns, type.Name, DocumentationSummary.Of(type, cancellationToken), pretextType, hyperparameters);
    }
}
