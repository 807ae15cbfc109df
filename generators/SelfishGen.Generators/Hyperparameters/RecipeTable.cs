using System.Collections.Generic;
using SelfishGen.Generators.Diagnostics;
using static SelfishGen.Generators.Hyperparameters.HyperparameterType;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>
/// The properties of <c>[Recipe]</c>, one row each: checked by <see cref="HyperparameterAnalyzer"/> like every
/// hyperparameter (with <c>TrainingRecipe.Validate()</c>'s messages), written onto the method's descriptor as the
/// <c>TrainingRecipe</c> property of the same name. Not options: a recipe says how to train, not what the method is.
/// </summary>
internal static class RecipeTable
{
    /// <summary><c>[Recipe(Optimizer = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Optimizer = Row("Optimizer", HyperparameterType.Enum, "Adam", "The optimizer.");

    /// <summary><c>[Recipe(LearningRate = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LearningRate = Row(
        "LearningRate", Double, "0.001", "Base learning rate, greater than 0.",
        new ValueRule("LearningRate", ValueRange.Above(0)), DiagnosticDescriptors.RecipeLearningRate);

    /// <summary><c>[Recipe(ScaleWithBatch = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ScaleWithBatch = Row(
        "ScaleWithBatch", Int32, "0", "The batch size the learning rate is given for; 0 for a rate that does not scale.",
        AtLeast("ScaleWithBatch", 0), DiagnosticDescriptors.RecipeCount);

    /// <summary><c>[Recipe(WeightDecay = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition WeightDecay = Row(
        "WeightDecay", Double, "0.0", "Weight decay of weights, at least 0.",
        AtLeast("WeightDecay", 0), DiagnosticDescriptors.RecipeWeightDecay);

    /// <summary><c>[Recipe(FinalWeightDecay = ...)]</c>: unset for a constant decay.</summary>
    public static readonly HyperparameterDefinition FinalWeightDecay = Row(
        "FinalWeightDecay", Double, "null", "Weight decay at the end of the run (cosine from WeightDecay), at least 0.",
        AtLeast("FinalWeightDecay", 0), DiagnosticDescriptors.RecipeWeightDecay);

    /// <summary><c>[Recipe(Momentum = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Momentum = Row(
        "Momentum", Double, "0.9", "Momentum of SGD and LARS, in [0, 1).",
        Fraction("Momentum"), DiagnosticDescriptors.RecipeMomentum);

    /// <summary><c>[Recipe(Beta1 = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Beta1 = Row(
        "Beta1", Double, "0.9", "Adam's first-moment decay, in [0, 1).",
        Fraction("Beta1"), DiagnosticDescriptors.RecipeMomentum);

    /// <summary><c>[Recipe(Beta2 = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Beta2 = Row(
        "Beta2", Double, "0.999", "Adam's second-moment decay, in [0, 1).",
        Fraction("Beta2"), DiagnosticDescriptors.RecipeMomentum);

    /// <summary><c>[Recipe(Schedule = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition Schedule = Row("Schedule", HyperparameterType.Enum, "Constant", "The learning-rate schedule after the warm-up.");

    /// <summary><c>[Recipe(WarmupEpochs = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition WarmupEpochs = Row(
        "WarmupEpochs", Int32, "0", "Epochs of linear learning-rate warm-up, at least 0.",
        AtLeast("WarmupEpochs", 0), DiagnosticDescriptors.RecipeCount);

    /// <summary><c>[Recipe(BatchSize = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition BatchSize = Row(
        "BatchSize", Int32, "64", "Images per batch, at least 2.",
        AtLeast("BatchSize", 2), DiagnosticDescriptors.RecipeCount);

    /// <summary><c>[Recipe(GradientClip = ...)]</c>: unset for no clipping.</summary>
    public static readonly HyperparameterDefinition GradientClip = Row(
        "GradientClip", Double, "null", "Largest gradient norm of each parameter, greater than 0.",
        new ValueRule("GradientClip", ValueRange.Above(0)), DiagnosticDescriptors.RecipeGradientClip);

    /// <summary><c>[Recipe(FreezeLastLayerEpochs = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition FreezeLastLayerEpochs = Row(
        "FreezeLastLayerEpochs", Int32, "0", "Epochs at the start during which the last layer does not train, at least 0.",
        AtLeast("FreezeLastLayerEpochs", 0), DiagnosticDescriptors.RecipeCount);

    /// <summary><c>[Recipe(LarsTrust = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LarsTrust = Row(
        "LarsTrust", Double, "0.001", "LARS's trust coefficient, greater than 0.",
        new ValueRule("LarsTrust", ValueRange.Above(0)), DiagnosticDescriptors.RecipeLarsTrust);

    /// <summary><c>[Recipe(LarsClip = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition LarsClip = Row("LarsClip", Boolean, "false", "Whether LARS's step is at most plain SGD's.");

    /// <summary>All rows, in the order the descriptor's recipe lists them.</summary>
    public static readonly IReadOnlyList<HyperparameterDefinition> All =
    [
        Optimizer, LearningRate, ScaleWithBatch, WeightDecay, FinalWeightDecay, Momentum, Beta1, Beta2, Schedule, WarmupEpochs, BatchSize,
        GradientClip, FreezeLastLayerEpochs, LarsTrust, LarsClip,
    ];

    private static HyperparameterDefinition Row(
        string property, HyperparameterType type, string value, string description, ValueRule? rule = null, Microsoft.CodeAnalysis.DiagnosticDescriptor? diagnostic = null) =>
        new(KnownNames.RecipeAttribute, property, property, type, value, description, rule, diagnostic);

    private static ValueRule AtLeast(string subject, double minimum) => new(subject, ValueRange.AtLeast(minimum));

    private static ValueRule Fraction(string subject) => new(subject, ValueRange.HalfOpen(0, 1));
}
