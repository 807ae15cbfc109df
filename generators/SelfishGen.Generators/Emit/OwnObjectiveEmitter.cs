using System.Linq;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// <c>[Objective(typeof(...))]</c>: an objective of the user's own. Every view is embedded (backbone, projector), and,
/// when declared, predicted (predictor) and encoded by the momentum encoder; the objective gets them all in an
/// <c>ObjectiveInputs</c>, with the queue when <c>Queue</c> is set, and returns the loss.
/// </summary>
internal sealed class OwnObjectiveEmitter : ViewFamilyEmitter
{
    private const string Inputs = "global::SelfishGen.Objectives.ObjectiveInputs";
    private const string Setup = "global::SelfishGen.Objectives.ObjectiveSetup";

    /// <inheritdoc />
    protected override string ObjectiveType(MethodModel method) => Own(method).Name;

    /// <inheritdoc />
    protected override string ObjectiveArguments(MethodModel method) => Own(method).TakesArgument
        ? $"new {Setup}(data, {ProjectorWidths}.Out, {method.Composition.ViewCount}, {Option(HyperparameterTable.ObjectiveTemperature)})"
        : "";

    /// <inheritdoc />
    protected override bool ObjectiveIsModule(MethodModel method) => Own(method).IsModule;

    /// <inheritdoc />
    protected override HyperparameterDefinition QueueSize => HyperparameterTable.ObjectiveQueue;

    /// <inheritdoc />
    protected override void WriteViewLoss(SourceWriter writer, MethodModel method)
    {
        var composition = method.Composition;
        var views = Enumerable.Range(0, composition.ViewCount).ToList();
        writer.Line($"{RuntimeNames.Tensor}[] embeddings = [{string.Join(", ", views.Select(view => $"Embed(views[{view}])"))}];");
        var optional = new[]
        {
            composition.Predictor ? $"Predictions = [{string.Join(", ", views.Select(view => $"{Predictor}.call(embeddings[{view}])"))}]," : null,
            composition.Momentum ? $"Targets = [{string.Join(", ", views.Select(view => $"{Momentum}.call(views[{view}])"))}]," : null,
            HasQueue(method) ? $"Queue = {Queue}," : null,
        }.OfType<string>().ToList();
        var inputs = $"new {Inputs}(batch, context, views, embeddings)";
        if (optional.Count == 0)
        {
            writer.Line($"return {Objective}.Loss({inputs});");
            return;
        }
        writer.Line($"return {Objective}.Loss({inputs}");
        writer.Line("{");
        using (writer.Indented())
        {
            foreach (var line in optional)
                writer.Line(line);
        }
        writer.Line("});");
    }

    private static OwnType Own(MethodModel method) => method.Composition.OwnObjective!;
}
