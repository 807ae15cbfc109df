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
    /// <see cref="HyperparameterDefinition.Kinds"/> only for those pretext tasks, rows with
    /// <see cref="HyperparameterDefinition.AlongWith"/> only beside that attribute), declared or default.
    /// </summary>
    public static IEnumerable<HyperparameterModel> ReadAll(INamedTypeSymbol type)
    {
        var pretextKind = PretextTypes.KindOf(type);
        return from definition in HyperparameterTable.All
            let attribute = type.FindAttribute([definition.Attribute])
            where attribute is not null && (definition.OnlyWith is null || attribute.NamedArgument(definition.OnlyWith) is not null)
                && AppliesTo(definition, pretextKind)
                && (definition.AlongWith is null || type.FindAttribute([definition.AlongWith]) is not null)
            select Read(definition, attribute);
    }

    /// <summary>The properties <paramref name="type"/>'s <c>[Recipe]</c> sets, in <see cref="RecipeTable"/> order; none without a recipe.</summary>
    public static IEnumerable<HyperparameterModel> ReadRecipe(INamedTypeSymbol type) =>
        type.FindAttribute([KnownNames.RecipeAttribute]) is { } recipe
            ? RecipeTable.All.Where(row => recipe.NamedArgument(row.Property) is not null).Select(row => Read(row, recipe))
            : [];

    /// <summary>
    /// Whether <paramref name="definition"/> applies to a declaration of the pretext task <paramref name="pretextKind"/>
    /// (null for none): always, without <see cref="HyperparameterDefinition.Kinds"/>.
    /// </summary>
    public static bool AppliesTo(HyperparameterDefinition definition, string? pretextKind) =>
        definition.Kinds is not { } kinds || kinds.Contains(pretextKind);

    /// <summary>The hyperparameter <paramref name="definition"/> with the value <paramref name="attribute"/> gives it, or its default.</summary>
    public static HyperparameterModel Read(HyperparameterDefinition definition, AttributeData attribute)
    {
        var value = attribute.NamedArgument(definition.Property) is { } declared ? Literal(declared, definition.Type) : definition.Default;
        var enumType = definition.Type == HyperparameterType.Enum ? PropertyType(attribute, definition.Property) : null;
        return new HyperparameterModel(definition.Option, definition.Type, value, definition.Description, definition.Rule, enumType);
    }

    private static string Literal(TypedConstant value, HyperparameterType type) => type switch
    {
        HyperparameterType.Double => CSharpLiterals.Double(value.Numbers().Single()),
        HyperparameterType.Int32 => CSharpLiterals.Int32((int)value.Numbers().Single()),
        HyperparameterType.Boolean => value.Value is true ? "true" : "false",
        HyperparameterType.Enum => value.EnumMemberName() ?? CSharpLiterals.Number(value.Numbers().Single()),
        _ => CSharpLiterals.Int32Collection(value.Numbers().Select(number => (int)number)),
    };

    // The type of the attribute's property, e.g. global::SelfishGen.LatentDistribution.
    private static string PropertyType(AttributeData attribute, string property) =>
        attribute.AttributeClass!.GetMembers(property).OfType<IPropertySymbol>().Single().Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
}
