namespace SelfishGen.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one method, taken from its declaration. A cache key of the pipeline: it
/// holds only strings, numbers and equatable arrays (no symbols, syntax or locations), so that an edit elsewhere
/// leaves it equal and its output cached.
/// </summary>
/// <param name="Namespace">The class's namespace; empty for the global namespace.</param>
/// <param name="Name">The class's name.</param>
/// <param name="Summary">The class's XML doc summary, as plain text.</param>
/// <param name="Composition">The concerns the method is composed of.</param>
/// <param name="Hyperparameters">The hyperparameters of every attribute, with the declared or default values.</param>
/// <param name="Recipe">The properties its <c>[Recipe]</c> sets (the rest keep the library's default); empty without one.</param>
internal sealed record MethodModel(
    string Namespace,
    string Name,
    string Summary,
    Composition Composition,
    EquatableArray<HyperparameterModel> Hyperparameters,
    EquatableArray<HyperparameterModel> Recipe)
{
    /// <summary>The class's fully qualified name, with <c>global::</c>.</summary>
    public string FullyQualifiedName => Namespace.Length == 0 ? $"global::{Name}" : $"global::{Namespace}.{Name}";

    /// <summary>The name of the generated file: unique per class.</summary>
    public string HintName => Namespace.Length == 0 ? $"{Name}.g.cs" : $"{Namespace}.{Name}.g.cs";
}
