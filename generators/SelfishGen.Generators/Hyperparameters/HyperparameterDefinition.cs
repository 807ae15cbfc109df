using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>A hyperparameter that an attribute property declares, as the generator and analyzers know it.</summary>
/// <param name="Attribute">Metadata name of the attribute.</param>
/// <param name="Property">Name of the attribute property, and of the options property it becomes.</param>
/// <param name="Type">Value type.</param>
/// <param name="Default">The attribute's default, as C# source text (kept equal to the runtime attribute by a test).</param>
/// <param name="Description">What it controls.</param>
/// <param name="Rule">The values it accepts, or null.</param>
/// <param name="Diagnostic">What the analyzer reports for a value outside <paramref name="Rule"/>, or null.</param>
internal sealed record HyperparameterDefinition(
    string Attribute,
    string Property,
    HyperparameterType Type,
    string Default,
    string Description,
    ValueRule? Rule = null,
    DiagnosticDescriptor? Diagnostic = null);
