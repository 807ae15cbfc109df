using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// <c>[Contrastive]</c> with batch or queue negatives. Without a momentum encoder or queue, the two views' embeddings
/// meet in NT-Xent (SimCLR); otherwise queries of view 0 meet keys of view 1 (from the momentum encoder when there is
/// one) in InfoNCE, against the queue when there is one, which then takes the keys (MoCo). With a momentum encoder,
/// queries and keys are forwarded in batch-norm groups, the keys' shuffled (<c>BatchNormGroups</c>).
/// </summary>
internal sealed class ContrastiveEmitter : ViewFamilyEmitter
{
    /// <inheritdoc />
    protected override string ObjectiveType(MethodModel method) =>
        IsSymmetric(method) ? $"{RuntimeNames.Objectives}.NtXentLoss" : $"{RuntimeNames.Objectives}.InfoNceLoss";

    /// <inheritdoc />
    protected override string ObjectiveArguments(MethodModel method) => Option(HyperparameterTable.Temperature);

    /// <inheritdoc />
    protected override void WriteViewLoss(SourceWriter writer, MethodModel method)
    {
        if (IsSymmetric(method))
        {
            WritePairLoss(writer);
            return;
        }
        if (method.Composition.Momentum)
        {
            var groups = Option(HyperparameterTable.BatchNormGroups);
            writer.Line($"var queries = {RuntimeNames.BatchNormGroups}.Forward(Embed, views[0], {groups});");
            writer.Line($"var keys = {RuntimeNames.BatchNormGroups}.ForwardShuffled({Momentum}.call, views[1], {groups}, context.Random);");
        }
        else
        {
            writer.Line("var queries = Embed(views[0]);");
            writer.Line("var keys = Embed(views[1]);");
        }
        if (!HasQueue(method))
        {
            writer.Line($"return {Objective}.Loss(queries, keys);");
            return;
        }
        writer.Line($"var loss = {Objective}.Loss(queries, keys, {Queue}.Keys);");
        writer.Line($"{Queue}.Enqueue(keys);");
        writer.Line("return loss;");
    }

    private static bool IsSymmetric(MethodModel method) => !HasQueue(method) && !method.Composition.Momentum;
}
