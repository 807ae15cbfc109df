using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Model;

/// <summary>One property of a method's options record.</summary>
/// <param name="Name">Property name.</param>
/// <param name="Type">Value type.</param>
/// <param name="Default">
/// The default value: C# source text (e.g. <c>[1024, 256]</c>, <c>0.1</c>), for an enum the member's name (e.g.
/// <c>Uniform</c>, or the number of a value without one), for an array of enum members their names (e.g.
/// <c>[SimClr, SimClr]</c>).
/// </param>
/// <param name="Description">What it controls: a sentence for XML docs and <c>selfish list</c>.</param>
/// <param name="Rule">The values it accepts, or null when any value is valid.</param>
/// <param name="EnumType">
/// For <see cref="HyperparameterType.Enum"/> and <see cref="HyperparameterType.EnumArray"/>, the enum's fully qualified
/// name with <c>global::</c>; else null.
/// </param>
internal sealed record HyperparameterModel(
    string Name,
    HyperparameterType Type,
    string Default,
    string Description,
    ValueRule? Rule,
    string? EnumType = null)
{
    /// <summary>The C# type of the options property, e.g. <c>int[]</c> or <c>global::SelfishGen.LatentDistribution</c>.</summary>
    public string CSharpType => EnumType is null ? Type.CSharpName() : EnumType + ArraySuffix;

    /// <summary>The type as <c>selfish list</c> shows it, e.g. <c>int[]</c>, <c>LatentDistribution</c> or <c>ViewAugmentation[]</c>.</summary>
    public string TypeName => EnumType is null ? Type.CSharpName() : EnumType.Substring(EnumType.LastIndexOf('.') + 1) + ArraySuffix;

    /// <summary>
    /// The default as a C# expression, e.g. <c>[1024, 256]</c>, <c>global::SelfishGen.LatentDistribution.Uniform</c> or
    /// <c>[global::SelfishGen.ViewAugmentation.SimClr, global::SelfishGen.ViewAugmentation.SimClr]</c>.
    /// </summary>
    public string DefaultExpression => EnumType is null ? Default
        : Type == HyperparameterType.EnumArray ? $"[{string.Join(", ", Members.Select(Member))}]"
        : Member(Default);

    // The members' names of an EnumArray default, in order: [SimClr, SimClr] → SimClr, SimClr.
    private IEnumerable<string> Members => Default.Trim('[', ']').Split(',').Select(member => member.Trim()).Where(member => member.Length > 0);

    private string ArraySuffix => Type == HyperparameterType.EnumArray ? "[]" : "";

    // Uniform → global::SelfishGen.LatentDistribution.Uniform; a number without a member → a cast.
    private string Member(string member) => SyntaxFacts.IsValidIdentifier(member) ? $"{EnumType}.{member}" : $"({EnumType})({member})";
}
