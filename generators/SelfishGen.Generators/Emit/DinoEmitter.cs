using System.Linq;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// <c>[Dino]</c>: the student (backbone and DINO head) sees every view, global and local; the momentum teacher sees
/// the declared (global) views; the loss owns the teacher centre.
/// </summary>
internal sealed class DinoEmitter : ViewFamilyEmitter
{
    /// <inheritdoc />
    protected override string ObjectiveType(MethodModel method) => $"{RuntimeNames.Objectives}.DinoLoss";

    /// <inheritdoc />
    protected override string ObjectiveArguments(MethodModel method) => Prototypes + ", " + string.Join(", ", new[]
    {
        HyperparameterTable.DinoStudentTemperature, HyperparameterTable.DinoTeacherTemperature,
        HyperparameterTable.DinoWarmupTeacherTemperature, HyperparameterTable.DinoWarmupProgress, HyperparameterTable.DinoCenterMomentum,
    }.Select(Option));

    /// <inheritdoc />
    protected override bool ObjectiveIsModule(MethodModel method) => true;

    /// <inheritdoc />
    protected override string ProjectorType => RuntimeNames.DinoHead;

    /// <inheritdoc />
    protected override string ProjectorArguments(MethodModel method) =>
        $"{ProjectorInput(method)}, {ProjectorWidths}.Hidden, {ProjectorWidths}.Out, {Prototypes}, " +
        $"{Option(HyperparameterTable.DinoHeadBatchNorm)}, {Option(HyperparameterTable.DinoNormalizeLastLayer)}";

    /// <summary>The prototypes declared, capped for the dataset's size.</summary>
    private static string Prototypes => $"{RuntimeNames.DatasetScaled}.Size({Option(HyperparameterTable.DinoPrototypes)}, Data.Count)";

    /// <inheritdoc />
    /// <remarks>The last layer a recipe can freeze: the student head's prototypes (and their gains).</remarks>
    protected override void WriteFamilyHelpers(SourceWriter writer, MethodModel method)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override global::System.Collections.Generic.IEnumerable<{RuntimeNames.Parameter}> LastLayer() => {Projector}.LastLayer;");
        writer.Line();
    }

    /// <inheritdoc />
    protected override void WriteViewLoss(SourceWriter writer, MethodModel method)
    {
        var teacher = string.Join(", ", Enumerable.Range(0, method.Composition.ViewCount).Select(view => $"{Momentum}.call(views[{view}])"));
        writer.Line($"var student = new {RuntimeNames.Tensor}[views.Count];");
        writer.Line("for (var view = 0; view < views.Count; view++)");
        using (writer.Indented())
            writer.Line("student[view] = Embed(views[view]);");
        writer.Line($"{RuntimeNames.Tensor}[] teacher = [{teacher}];");
        writer.Line($"return {Objective}.Loss(student, teacher, context.Progress);");
    }
}
