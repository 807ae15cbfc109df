using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// <c>[Contrastive]</c> with batch or queue negatives. Without a momentum encoder or queue, the two views' embeddings
/// meet in NT-Xent (SimCLR); otherwise queries of view 0 meet keys of view 1 (from the momentum encoder when there is
/// one) in InfoNCE, against the queue when there is one, which then takes the keys (MoCo). With a momentum encoder,
/// queries and keys are forwarded in batch-norm groups, the keys' shuffled (<c>BatchNormGroups</c>), and
/// <c>SymmetricLoss</c> adds the swapped pair: queries of view 1 against keys of view 0, the two losses averaged.
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
        var negatives = HasQueue(method) ? $", {Queue}.Keys" : "";
        if (method.Composition.Momentum)
        {
            WriteQueriesAndKeys(writer, "queries", "keys", "views[0]", "views[1]");
            writer.Line($"var loss = {Objective}.Loss(queries, keys{negatives});");
            writer.Line($"if ({Option(HyperparameterTable.SymmetricLoss)})");
            using (writer.Block())
            {
                WriteQueriesAndKeys(writer, "swappedQueries", "swappedKeys", "views[1]", "views[0]");
                writer.Line($"loss = {RuntimeNames.LossTerms}.Mean(loss, {Objective}.Loss(swappedQueries, swappedKeys{negatives}));");
                if (HasQueue(method))
                    writer.Line($"keys = {RuntimeNames.Torch}.cat([keys, swappedKeys], 0);");
            }
        }
        else
        {
            writer.Line("var queries = Embed(views[0]);");
            writer.Line("var keys = Embed(views[1]);");
            writer.Line($"var loss = {Objective}.Loss(queries, keys{negatives});");
        }
        if (HasQueue(method))
            writer.Line($"{Queue}.Enqueue(keys);");
        writer.Line("return loss;");
    }

    // Queries of the online network and keys of the momentum encoder, forwarded in batch-norm groups, the keys' shuffled.
    private static void WriteQueriesAndKeys(SourceWriter writer, string queries, string keys, string queryViews, string keyViews)
    {
        var groups = Option(HyperparameterTable.BatchNormGroups);
        writer.Line($"var {queries} = {RuntimeNames.BatchNormGroups}.Forward(Embed, {queryViews}, {groups});");
        writer.Line($"var {keys} = {RuntimeNames.BatchNormGroups}.ForwardShuffled({Momentum}.call, {keyViews}, {groups}, context.Random);");
    }

    private static bool IsSymmetric(MethodModel method) => !HasQueue(method) && !method.Composition.Momentum;
}
