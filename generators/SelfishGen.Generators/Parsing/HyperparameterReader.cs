using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Parsing;

/// <summary>Reads hyperparameter values from attributes.</summary>
internal static class HyperparameterReader
{
    /// <summary>
    /// The options of <paramref name="type"/>'s declaration, in table order: every row of each attribute it carries
    /// (rows with <see cref="HyperparameterDefinition.OnlyWith"/> only when that property is set, rows with
    /// <see cref="HyperparameterDefinition.Kinds"/> only for those kinds, rows with
    /// <see cref="HyperparameterDefinition.AlongWith"/> only beside that attribute), declared or default.
    /// </summary>
    public static IEnumerable<HyperparameterModel> ReadAll(INamedTypeSymbol type) =>
        from definition in HyperparameterTable.All
        let attribute = type.FindAttribute([definition.Attribute])
        where attribute is not null && (definition.OnlyWith is null || attribute.NamedArgument(definition.OnlyWith) is not null)
            && AppliesTo(definition, attribute)
            && (definition.AlongWith is null || type.FindAttribute([definition.AlongWith]) is not null)
        select Read(definition, attribute);

    /// <summary>Whether <paramref name="definition"/> applies to the kind <paramref name="attribute"/> declares (always, without <see cref="HyperparameterDefinition.Kinds"/>).</summary>
    public static bool AppliesTo(HyperparameterDefinition definition, AttributeData attribute) =>
        definition.Kinds is not { } kinds || attribute.EnumArguments().Any(kinds.Contains);

    /// <summary>The hyperparameter <paramref name="definition"/> with the value <paramref name="attribute"/> gives it, or its default.</summary>
    public static HyperparameterModel Read(HyperparameterDefinition definition, AttributeData attribute)
    {
        var value = attribute.NamedArgument(definition.Property) is { } declared ? Literal(declared, definition.Type) : definition.Default;
        return new HyperparameterModel(definition.Option, definition.Type, value, definition.Description, definition.Rule);
    }

    private static string Literal(TypedConstant value, HyperparameterType type) => type switch
    {
        HyperparameterType.Double => CSharpLiterals.Double(value.Numbers().Single()),
        HyperparameterType.Int32 => CSharpLiterals.Int32((int)value.Numbers().Single()),
        HyperparameterType.Boolean => value.Value is true ? "true" : "false",
        _ => CSharpLiterals.Int32Collection(value.Numbers().Select(number => (int)number)),
    };
}
