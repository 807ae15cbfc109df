using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Emit;

/// <summary>A pretext task's target image reconstructed by a convolutional decoder: <c>[Pretext] + [Reconstruction]</c>.</summary>
internal sealed class ReconstructionEmitter : PretextFamilyEmitter
{
    private const string Decoder = "_decoder";
    private const string Objective = "_objective";
    private const string DecoderType = "global::SelfishGen.Modules.ConvDecoder";
    private const string LossType = "global::SelfishGen.Objectives.ReconstructionLoss";

    /// <inheritdoc />
    protected override void WriteHeadFields(SourceWriter writer)
    {
        Field(writer, DecoderType, Decoder);
        Field(writer, LossType, Objective);
    }

    /// <inheritdoc />
    protected override void WriteHeadConstruction(SourceWriter writer)
    {
        var normalizedPatch = Option(HyperparameterTable.NormalizedPatch);
        writer.Line($"{Decoder} = {DecoderType}.For(global::SelfishGen.Modules.BackboneProbe.FeatureMapShape(Backbone), Data.Shape, bounded: {normalizedPatch} == 0);");
        writer.Line($"{Objective} = new {LossType}(normalizedPatch: {normalizedPatch});");
        writer.Line($"register_module(\"decoder\", {Decoder});");
    }

    /// <inheritdoc />
    protected override string Loss(string inputs, string targets) => $"{Objective}.Loss({Decoder}.call(Backbone.FeatureMaps({inputs})), {targets})";
}
