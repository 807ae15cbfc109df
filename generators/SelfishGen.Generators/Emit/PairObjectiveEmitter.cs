using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary><c>[BarlowTwins]</c> and <c>[VicReg]</c>: a loss of the two views' embeddings, without negatives.</summary>
internal sealed class PairObjectiveEmitter : ViewFamilyEmitter
{
    /// <inheritdoc />
    protected override string ObjectiveType(MethodModel method) => method.Composition.Objective == ObjectiveKind.BarlowTwins
        ? $"{RuntimeNames.Objectives}.BarlowTwinsLoss"
        : $"{RuntimeNames.Objectives}.VicRegLoss";

    /// <inheritdoc />
    protected override string ObjectiveArguments(MethodModel method) => method.Composition.Objective == ObjectiveKind.BarlowTwins
        ? $"{Option(HyperparameterTable.BarlowTwinsLambda)}, {Option(HyperparameterTable.BarlowTwinsLossScale)}"
        : $"{Option(HyperparameterTable.VicRegInvariance)}, {Option(HyperparameterTable.VicRegVariance)}, {Option(HyperparameterTable.VicRegCovariance)}";

    /// <inheritdoc />
    protected override void WriteViewLoss(SourceWriter writer, MethodModel method) => WritePairLoss(writer);
}
