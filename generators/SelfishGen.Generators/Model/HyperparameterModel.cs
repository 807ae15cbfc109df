using Microsoft.CodeAnalysis.CSharp;
using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Model;

/// <summary>One property of a method's options record.</summary>
/// <param name="Name">Property name.</param>
/// <param name="Type">Value type.</param>
/// <param name="Default">
/// The default value: C# source text (e.g. <c>[1024, 256]</c>, <c>0.1</c>), or for an enum the member's name (e.g.
/// <c>Uniform</c>, or the number of a value without one).
/// </param>
/// <param name="Description">What it controls: a sentence for XML docs and <c>selfish list</c>.</param>
/// <param name="Rule">The values it accepts, or null when any value is valid.</param>
/// <param name="EnumType">For <see cref="HyperparameterType.Enum"/>, the enum's fully qualified name with <c>global::</c>; else null.</param>
internal sealed record HyperparameterModel(
    string Name,
    HyperparameterType Type,
    string Default,
    string Description,
    ValueRule? Rule,
    string? EnumType = null)
{
    /// <summary>The C# type of the options property, e.g. <c>int[]</c> or <c>global::SelfishGen.LatentDistribution</c>.</summary>
    public string CSharpType => EnumType ?? Type.CSharpName();

    /// <summary>The type as <c>selfish list</c> shows it, e.g. <c>int[]</c> or <c>LatentDistribution</c>.</summary>
    public string TypeName => EnumType?.Substring(EnumType.LastIndexOf('.') + 1) ?? Type.CSharpName();

    /// <summary>The default as a C# expression, e.g. <c>[1024, 256]</c> or <c>global::SelfishGen.LatentDistribution.Uniform</c>.</summary>
    public string DefaultExpression => EnumType is null ? Default
        : SyntaxFacts.IsValidIdentifier(Default) ? $"{EnumType}.{Default}"
        : $"({EnumType})({Default})";
}
