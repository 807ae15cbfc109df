using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>A hyperparameter that an attribute property declares, as the generator and analyzers know it.</summary>
/// <param name="Attribute">Metadata name of the attribute.</param>
/// <param name="Property">Name of the attribute property.</param>
/// <param name="Option">Name of the options property it becomes: unique among all attributes (e.g. <c>ProjectorHidden</c>).</param>
/// <param name="Type">Value type.</param>
/// <param name="Default">
/// The attribute's default, as C# source text, or for an enum the member's name (kept equal to the runtime attribute by a test).
/// </param>
/// <param name="Description">What it controls.</param>
/// <param name="Rule">The values it accepts, or null.</param>
/// <param name="Diagnostic">What the analyzer reports for a value outside <paramref name="Rule"/>, or null.</param>
/// <param name="OnlyWith">
/// The attribute property whose presence in a declaration makes this an option (e.g. <c>Queue</c>: a method without
/// a queue has no queue size); null when every declaration of the attribute has it.
/// </param>
/// <param name="Kinds">
/// The <c>PretextKind</c> members whose declarations have this option, whichever attribute declares it (e.g.
/// <c>Grid</c> for <c>Jigsaw</c>, <c>[Reconstruction(OutsideWeight)]</c> for <c>Inpaint</c>); null when it does not
/// depend on the pretext task.
/// </param>
/// <param name="AlongWith">Metadata name of another attribute the declaration must carry for this to be an option, or null.</param>
internal sealed record HyperparameterDefinition(
    string Attribute,
    string Property,
    string Option,
    HyperparameterType Type,
    string Default,
    string Description,
    ValueRule? Rule = null,
    DiagnosticDescriptor? Diagnostic = null,
    string? OnlyWith = null,
    string[]? Kinds = null,
    string? AlongWith = null);
