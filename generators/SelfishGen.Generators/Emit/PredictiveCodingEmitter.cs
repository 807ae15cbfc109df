using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// CPC: <c>[PredictiveCoding]</c>. Patches of each image are encoded one by one into a feature grid; a context
/// network predicts rows ahead in four directions against a trained target head (owned by the loss). The patch
/// encoder normalises per sample (CPC v2's layer norm), so no patch's features depend on the others of its batch.
/// </summary>
internal sealed class PredictiveCodingEmitter : FamilyEmitter
{
    private const string Patches = "_patches";
    private const string Context = "_context";
    private const string Objective = "_objective";
    private const string Encoder = "_encoder";

    /// <inheritdoc />
    public override void WriteFields(SourceWriter writer, MethodModel method)
    {
        Field(writer, RuntimeNames.PatchGrid, Patches);
        Field(writer, RuntimeNames.CpcContext, Context);
        Field(writer, $"{RuntimeNames.Objectives}.CpcLoss", Objective);
        Field(writer, RuntimeNames.PatchGridEncoder, Encoder);
    }

    /// <inheritdoc />
    public override string BaseBackbone(MethodModel method, string given) => $"{RuntimeNames.Backbones}.PerSample(data.Shape, options, {given})";

    /// <inheritdoc />
    public override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        var steps = Option(HyperparameterTable.CpcSteps);
        writer.Line($"{Patches} = new {RuntimeNames.PatchGrid}({Option(HyperparameterTable.CpcGrid)}, {RuntimeNames.Augment}.Cpc());");
        writer.Line($"{Context} = new {RuntimeNames.CpcContext}(Backbone.OutputFeatures, {Option(HyperparameterTable.CpcContextWidth)}, {steps});");
        writer.Line($"{Objective} = new {RuntimeNames.Objectives}.CpcLoss(Backbone.OutputFeatures, {steps});");
        writer.Line($"register_module(\"context\", {Context});");
        writer.Line($"register_module(\"objective\", {Objective});");
        writer.Line($"{Encoder} = new {RuntimeNames.PatchGridEncoder}(Backbone, {Option(HyperparameterTable.CpcGrid)});");
    }

    /// <inheritdoc />
    public override void WriteHelpers(SourceWriter writer, MethodModel method)
    {
        writer.Line("/// <summary>The patch encoder over each image's grid of patches, its features averaged: how CPC applies it to whole images.</summary>");
        writer.Line($"public override {RuntimeNames.Backbone} GetBackbone() => {Encoder};");
        writer.Line();
    }

    /// <inheritdoc />
    public override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var patches = {Patches}.Cut(batch.Images, context.Random);");
        writer.Line($"var grid = {Patches}.Assemble(Backbone.call(patches), batch.Size);");
        writer.Line($"return {Objective}.Loss(grid, {Context}.Predict);");
    }
}
