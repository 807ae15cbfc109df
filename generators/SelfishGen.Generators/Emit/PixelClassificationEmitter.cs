using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// A split-brain autoencoder: <c>[Pretext(ColorSplit)] + [PixelClassification]</c>. The backbone is split into an L
/// encoder and an ab encoder; a 1×1 convolution on the L encoder's feature maps classifies every pixel's ab, one on
/// the ab encoder's maps classifies every pixel's L, and the loss is the sum of both pixel cross-entropies.
/// </summary>
internal sealed class PixelClassificationEmitter : FamilyEmitter
{
    private const string Encoders = "_encoders";
    private const string ColorClassifier = "_colorClassifier";
    private const string LightnessClassifier = "_lightnessClassifier";
    private const string Objective = "_objective";
    private const string EncodersType = RuntimeNames.LabSplitBackbone;
    private const string ClassifierType = "global::SelfishGen.Modules.ChannelAlignedConv2d";
    private const string LossType = "global::SelfishGen.Objectives.PixelClassificationLoss";

    /// <inheritdoc />
    public override void WriteFields(SourceWriter writer, MethodModel method)
    {
        PretextFamilyEmitter.WritePretextFields(writer, method);
        Field(writer, EncodersType, Encoders);
        Field(writer, ClassifierType, ColorClassifier);
        Field(writer, ClassifierType, LightnessClassifier);
        Field(writer, LossType, Objective);
    }

    /// <inheritdoc />
    public override string BaseBackbone(MethodModel method, string given) => $"{EncodersType}.For(nameof({method.Name}), data.Shape, options, {given})";

    /// <inheritdoc />
    public override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        PretextFamilyEmitter.WritePretextConstruction(writer, method);
        writer.Line($"{Encoders} = ({EncodersType})Backbone;");
        writer.Line($"{ColorClassifier} = new {ClassifierType}({Encoders}.Lightness.OutputFeatures, {PretextFamilyEmitter.Pretext}.ColorClassCount, 1);");
        writer.Line($"{LightnessClassifier} = new {ClassifierType}({Encoders}.Color.OutputFeatures, {PretextFamilyEmitter.Pretext}.LightnessClassCount, 1);");
        writer.Line($"{Objective} = new {LossType}();");
        writer.Line($"register_module(\"color_classifier\", {ColorClassifier});");
        writer.Line($"register_module(\"lightness_classifier\", {LightnessClassifier});");
    }

    /// <inheritdoc />
    public override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var sample = {PretextFamilyEmitter.Sample(method)};");
        writer.Line($"var colorLogits = {ColorClassifier}.call({Encoders}.Lightness.FeatureMaps(sample.Lightness));");
        writer.Line($"var lightnessLogits = {LightnessClassifier}.call({Encoders}.Color.FeatureMaps(sample.Color));");
        writer.Line($"return {RuntimeNames.LossTerms}.Sum({Objective}.Loss(colorLogits, sample.ColorTargets), {Objective}.Loss(lightnessLogits, sample.LightnessTargets));");
    }
}
