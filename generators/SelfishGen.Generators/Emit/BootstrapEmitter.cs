using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// <c>[Bootstrap]</c>: each view's prediction regresses onto the other view's target, the momentum encoder's
/// embedding when there is one (BYOL, 2 − 2·cos per pair), else the online embedding with its gradient stopped
/// (SimSiam, −½·cos per pair).
/// </summary>
internal sealed class BootstrapEmitter : ViewFamilyEmitter
{
    /// <inheritdoc />
    protected override string ObjectiveType(MethodModel method) => $"{RuntimeNames.Objectives}.NegativeCosineLoss";

    /// <inheritdoc />
    protected override string ObjectiveArguments(MethodModel method) =>
        $"{RuntimeNames.Objectives}.BootstrapLossForm.{(method.Composition.Momentum ? "Byol" : "SimSiam")}";

    /// <inheritdoc />
    protected override void WriteViewLoss(SourceWriter writer, MethodModel method)
    {
        if (method.Composition.Momentum)
        {
            writer.Line($"var predictions0 = {Predictor}.call(Embed(views[0]));");
            writer.Line($"var predictions1 = {Predictor}.call(Embed(views[1]));");
            writer.Line($"return {Objective}.Symmetric(predictions0, {Momentum}.call(views[0]), predictions1, {Momentum}.call(views[1]));");
            return;
        }
        writer.Line("var embeddings0 = Embed(views[0]);");
        writer.Line("var embeddings1 = Embed(views[1]);");
        writer.Line($"return {Objective}.Symmetric({Predictor}.call(embeddings0), embeddings0, {Predictor}.call(embeddings1), embeddings1);");
    }
}
