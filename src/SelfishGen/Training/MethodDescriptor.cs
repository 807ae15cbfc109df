using SelfishGen.Data;
using SelfishGen.Modules;

namespace SelfishGen;

/// <summary>Creates a method for data of the given shape and size, with options (null for defaults) and an optional backbone.</summary>
public delegate SelfSupervisedMethod MethodFactory(DatasetInfo data, MethodOptions? options, Backbone? backbone);

/// <summary>What the registry knows of a method: its name, summary, options type and schema, and a factory.</summary>
/// <param name="Name">The method's class name, e.g. <c>RotateNet</c>.</param>
/// <param name="Summary">One sentence on what the method learns from.</param>
/// <param name="OptionsType">The method's generated options record type.</param>
/// <param name="Hyperparameters">Every hyperparameter with its default.</param>
/// <param name="Create">Builds an instance.</param>
public sealed record MethodDescriptor(
    string Name,
    string Summary,
    Type OptionsType,
    IReadOnlyList<HyperparameterInfo> Hyperparameters,
    MethodFactory Create)
{
    /// <summary>How the method trains unless told otherwise: its declared <see cref="RecipeAttribute"/>, or <see cref="TrainingRecipe.Default"/>.</summary>
    public TrainingRecipe Recipe { get; init; } = TrainingRecipe.Default;

    /// <summary>
    /// Builds the method with the default backbone, its weights initialised from <paramref name="seed"/>: the same seed
    /// gives the same initial weights (what a random-init baseline compares against).
    /// </summary>
    public SelfSupervisedMethod Instantiate(DatasetInfo data, MethodOptions? options, int seed)
    {
        torch.manual_seed(seed);
        return Create(data, options, null);
    }
}
