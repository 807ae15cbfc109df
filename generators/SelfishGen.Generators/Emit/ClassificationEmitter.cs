using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Emit;

/// <summary>A pretext task classified by an MLP head: <c>[Pretext] + [Classification]</c>.</summary>
internal sealed class ClassificationEmitter : PretextFamilyEmitter
{
    private const string Classifier = "_classifier";
    private const string Objective = "_objective";

    /// <inheritdoc />
    protected override void WriteHeadFields(SourceWriter writer)
    {
        Field(writer, RuntimeNames.MlpHead, Classifier);
        Field(writer, $"{RuntimeNames.Objectives}.ClassificationObjective", Objective);
    }

    /// <inheritdoc />
    protected override void WriteHeadConstruction(SourceWriter writer)
    {
        writer.Line($"{Classifier} = new {RuntimeNames.MlpHead}(Backbone.OutputFeatures, {Option(HyperparameterTable.ClassificationHidden)}, {Pretext}.ClassCount);");
        writer.Line($"{Objective} = new {RuntimeNames.Objectives}.ClassificationObjective({Option(HyperparameterTable.ClassificationLabelSmoothing)});");
        writer.Line($"register_module(\"classifier\", {Classifier});");
    }

    /// <inheritdoc />
    protected override string Loss(string inputs, string targets) => $"{Objective}.Loss({Classifier}.call(Backbone.call({inputs})), {targets})";
}
