using System.Linq;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Parsing;

/// <summary>Reads a hyperparameter's value from its attribute.</summary>
internal static class HyperparameterReader
{
    /// <summary>The hyperparameter <paramref name="definition"/> with the value <paramref name="attribute"/> gives it, or its default.</summary>
    public static HyperparameterModel Read(HyperparameterDefinition definition, AttributeData attribute)
    {
        var value = attribute.NamedArgument(definition.Property) is { } declared ? Literal(declared, definition.Type) : definition.Default;
        return new HyperparameterModel(definition.Property, definition.Type, value, definition.Description, definition.Rule);
    }

    private static string Literal(TypedConstant value, HyperparameterType type) => type switch
    {
        HyperparameterType.Double => CSharpLiterals.Double(value.Numbers().Single()),
        _ => CSharpLiterals.Int32Collection(value.Numbers().Select(number => (int)number)),
    };
}
