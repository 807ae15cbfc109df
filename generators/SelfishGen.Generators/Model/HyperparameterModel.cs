using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Model;

/// <summary>One property of a method's options record.</summary>
/// <param name="Name">Property name.</param>
/// <param name="Type">Value type.</param>
/// <param name="Default">The default value, as C# source text (e.g. <c>[1024, 256]</c>, <c>0.1</c>).</param>
/// <param name="Description">What it controls: a sentence for XML docs and <c>selfish list</c>.</param>
/// <param name="Rule">The values it accepts, or null when any value is valid.</param>
internal sealed record HyperparameterModel(
    string Name,
    HyperparameterType Type,
    string Default,
    string Description,
    ValueRule? Rule);
