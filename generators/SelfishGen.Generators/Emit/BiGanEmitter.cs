using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// BiGAN: <c>[Pretext(Latent)] + [Adversarial]</c>. The encoder (backbone and a linear head over its pooled or
/// flattened features, as <c>FlattenedMaps</c> says) maps images to codes, a
/// generator maps drawn codes to images, and a joint discriminator tells (image, encoding) from (generated image,
/// code) pairs in its own step (the method derives from <c>AdversarialMethod</c>). The encoder reads generated images
/// (the latent cycle) without moving its batch norms' running statistics, which describe real images.
/// </summary>
internal sealed class BiGanEmitter : FamilyEmitter
{
    private const string Pretext = "_pretext";
    private const string EncoderHead = "_encoderHead";
    private const string Generator = "_generator";
    private const string DiscriminatorField = "_discriminator";
    private const string Objective = "_objective";
    private const string GeneratorType = "global::SelfishGen.Modules.LatentGenerator";
    private const string DiscriminatorType = "global::SelfishGen.Modules.JointDiscriminator";
    private const string LossType = "global::SelfishGen.Objectives.BiGanLoss";
    private const string EncoderFeaturesType = "global::SelfishGen.Modules.EncoderFeatures";
    private const string RunningStatisticsType = "global::SelfishGen.Modules.RunningStatistics";

    /// <inheritdoc />
    public override void WriteFields(SourceWriter writer, MethodModel method)
    {
        Field(writer, PretextTypes.TypeOf(method.Composition.Pretext!), Pretext);
        Field(writer, "global::TorchSharp.Modules.Linear", EncoderHead);
        Field(writer, GeneratorType, Generator);
        Field(writer, DiscriminatorType, DiscriminatorField);
        Field(writer, LossType, Objective);
    }

    /// <inheritdoc />
    public override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        var latent = Option(HyperparameterTable.LatentFeatures);
        writer.Line($"{Pretext} = {PretextFamilyEmitter.Construction(method.Composition.Pretext!)};");
        writer.Line($"{EncoderHead} = global::TorchSharp.torch.nn.Linear({EncoderFeaturesType}.Count(Backbone, {Option(HyperparameterTable.LatentFlattenedMaps)}), {latent});");
        writer.Line($"{Generator} = new {GeneratorType}({latent}, Data.Shape);");
        writer.Line($"{DiscriminatorField} = new {DiscriminatorType}(Data.Shape, {latent});");
        writer.Line($"{Objective} = new {LossType}({Option(HyperparameterTable.AdversarialCycle)}, {Option(HyperparameterTable.AdversarialLatentCycle)});");
        writer.Line($"register_module(\"encoder_head\", {EncoderHead});");
        writer.Line($"register_module(\"generator\", {Generator});");
        writer.Line($"register_module(\"discriminator\", {DiscriminatorField});");
    }

    /// <inheritdoc />
    public override void WriteHelpers(SourceWriter writer, MethodModel method)
    {
        WriteDiscriminatorOverrides(writer, DiscriminatorField,
            $"var codes = {Pretext}.Apply(batch, context);",
            "var (encoded, generated) = Samples(batch.Images, codes);",
            $"return {Objective}.Discriminator({DiscriminatorField}.call(batch.Images, encoded), {DiscriminatorField}.call(generated, codes));");
        writer.Line("/// <summary>The encodings of the images and the images generated from the codes, without gradients: the discriminator step must not train the encoder or generator.</summary>");
        using (writer.Block($"private ({RuntimeNames.Tensor} Encoded, {RuntimeNames.Tensor} Generated) Samples({RuntimeNames.Tensor} images, {RuntimeNames.Tensor} codes)"))
        {
            writer.Line("using var noGrad = global::TorchSharp.torch.no_grad();");
            writer.Line($"return (Encode(images), {Generator}.call(codes));");
        }
        writer.Line();
        writer.Line("/// <summary>The encoder: backbone features, pooled or flattened, mapped to the latent space.</summary>");
        writer.Line($"private {RuntimeNames.Tensor} Encode({RuntimeNames.Tensor} images) => {EncoderHead}.call({EncoderFeaturesType}.Of(Backbone, images, {Option(HyperparameterTable.LatentFlattenedMaps)}));");
        writer.Line();
    }

    /// <inheritdoc />
    public override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var codes = {Pretext}.Apply(batch, context);");
        writer.Line("var encoded = Encode(batch.Images);");
        writer.Line($"var generated = {Generator}.call(codes);");
        writer.Line($"var loss = {Objective}.EncoderGenerator({DiscriminatorField}.call(batch.Images, encoded), {DiscriminatorField}.call(generated, codes));");
        writer.Line($"if ({Objective}.CycleWeight != 0) loss = {Objective}.WithCycle(loss, {Generator}.call(encoded), batch.Images);");
        writer.Line($"if ({Objective}.LatentCycleWeight != 0) loss = {Objective}.WithLatentCycle(loss, {RunningStatisticsType}.Unchanged(Backbone, () => Encode(generated)), codes);");
        writer.Line("return loss;");
    }
}
