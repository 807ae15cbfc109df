using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// The contradictions of a <c>[Pretext]</c> declaration: an argument (of any attribute) its kind does not use (SSG047),
/// an objective its targets do not fit (SSG048). (Too many jigsaw permutations for the grid, SSG046, is a relation
/// between values: <see cref="Hyperparameters.RelationTable"/>.)
/// </summary>
internal static class PretextRules
{
    /// <summary>The problems of <paramref name="type"/>'s pretext task; none without one or for an unknown kind.</summary>
    public static IEnumerable<Problem> Check(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.FindAttribute([KnownNames.PretextAttribute]) is not { } pretext || PretextTypes.Kind(pretext) is not { } kind)
            yield break;
        var name = type.Locations.First();

        foreach (var definition in HyperparameterTable.All.Where(row => !HyperparameterReader.AppliesTo(row, kind)))
        {
            if (type.FindAttribute([definition.Attribute]) is { } attribute && attribute.NamedArgument(definition.Property) is not null)
                yield return new Problem(DiagnosticDescriptors.PretextArgumentNotUsed, attribute.ArgumentLocation(definition.Property, cancellationToken) ?? name,
                    type.Name, definition.Property, kind, string.Join(" and ", definition.Kinds!));
        }

        if ((type.FindAttribute(KnownNames.ObjectiveAttributes) ?? type.FindAttribute([KnownNames.AdversarialAttribute])) is { } objective
            && CompositionReader.Objective(objective) is var declared && PretextTypes.ObjectiveOf(kind) is var needed && declared != needed)
            yield return new Problem(DiagnosticDescriptors.PretextObjectiveMismatch, objective.Location(cancellationToken) ?? name, type.Name, kind, needed, declared);
    }
}
