using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>A pretext task classified by an MLP head: <c>[Pretext] + [Classification]</c>.</summary>
internal sealed class ClassificationEmitter : FamilyEmitter
{
    private const string Pretext = "_pretext";
    private const string Classifier = "_classifier";
    private const string Objective = "_objective";

    /// <inheritdoc />
    public override void WriteFields(SourceWriter writer, MethodModel method)
    {
        Field(writer, method.Composition.PretextType!, Pretext);
        Field(writer, RuntimeNames.MlpHead, Classifier);
        Field(writer, $"{RuntimeNames.Objectives}.ClassificationObjective", Objective);
    }

    /// <inheritdoc />
    public override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        writer.Line($"{Pretext} = new {method.Composition.PretextType}();");
        writer.Line($"{Classifier} = new {RuntimeNames.MlpHead}(Backbone.OutputFeatures, {Option(HyperparameterTable.ClassificationHidden)}, {Pretext}.ClassCount);");
        writer.Line($"{Objective} = new {RuntimeNames.Objectives}.ClassificationObjective({Option(HyperparameterTable.ClassificationLabelSmoothing)});");
        writer.Line($"register_module(\"classifier\", {Classifier});");
    }

    /// <inheritdoc />
    public override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var (inputs, targets) = {Pretext}.Apply(batch.Images);");
        writer.Line($"return {Objective}.Loss({Classifier}.call(Backbone.call(inputs)), targets);");
    }
}
