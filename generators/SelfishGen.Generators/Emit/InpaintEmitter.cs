using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// A context encoder: <c>[Pretext(Inpaint)] + [Reconstruction]</c>, a decoder restores erased blocks. With
/// <c>[Adversarial]</c> an image discriminator tells clean images from completed ones in its own step (the method
/// derives from <c>AdversarialMethod</c>), and the loss mixes masked reconstruction and fooling the discriminator.
/// </summary>
internal sealed class InpaintEmitter : FamilyEmitter
{
    private const string Decoder = "_decoder";
    private const string Reconstruction = "_reconstruction";
    private const string DiscriminatorField = "_discriminator";
    private const string Adversarial = "_adversarial";
    private const string DecoderType = "global::SelfishGen.Modules.ConvDecoder";
    private const string DiscriminatorType = "global::SelfishGen.Modules.ImageDiscriminator";
    private const string InpaintBatch = "global::SelfishGen.Pretext.InpaintBatch";

    /// <inheritdoc />
    public override void WriteFields(SourceWriter writer, MethodModel method)
    {
        PretextFamilyEmitter.WritePretextFields(writer, method);
        Field(writer, DecoderType, Decoder);
        Field(writer, $"{RuntimeNames.Objectives}.ReconstructionLoss", Reconstruction);
        if (!method.Composition.Adversarial)
            return;
        Field(writer, DiscriminatorType, DiscriminatorField);
        Field(writer, $"{RuntimeNames.Objectives}.AdversarialLoss", Adversarial);
    }

    /// <inheritdoc />
    public override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        PretextFamilyEmitter.WritePretextConstruction(writer, method);
        writer.Line($"{Decoder} = {DecoderType}.For(global::SelfishGen.Modules.BackboneProbe.FeatureMapShape(Backbone), Data.Shape);");
        writer.Line($"{Reconstruction} = new {RuntimeNames.Objectives}.ReconstructionLoss({Option(HyperparameterTable.OutsideWeight)});");
        writer.Line($"register_module(\"decoder\", {Decoder});");
        if (!method.Composition.Adversarial)
            return;
        writer.Line($"{DiscriminatorField} = new {DiscriminatorType}(Data.Shape);");
        writer.Line($"{Adversarial} = new {RuntimeNames.Objectives}.AdversarialLoss();");
        writer.Line($"register_module(\"discriminator\", {DiscriminatorField});");
    }

    /// <inheritdoc />
    public override void WriteHelpers(SourceWriter writer, MethodModel method)
    {
        if (!method.Composition.Adversarial)
            return;
        WriteDiscriminatorOverrides(writer, DiscriminatorField,
            $"var sample = {PretextFamilyEmitter.Sample(method)};",
            $"return {Adversarial}.Discriminator({DiscriminatorField}.call(sample.Clean), {DiscriminatorField}.call(Completed(sample)));");
        writer.Line("/// <summary>The completed images, without gradients: the discriminator step must not train the encoder or decoder.</summary>");
        using (writer.Block($"private {RuntimeNames.Tensor} Completed({InpaintBatch} sample)"))
        {
            writer.Line("using var noGrad = global::TorchSharp.torch.no_grad();");
            writer.Line($"return sample.Complete({Decoder}.call(Backbone.FeatureMaps(sample.Erased)));");
        }
        writer.Line();
    }

    /// <inheritdoc />
    public override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var sample = {PretextFamilyEmitter.Sample(method)};");
        writer.Line($"var prediction = {Decoder}.call(Backbone.FeatureMaps(sample.Erased));");
        writer.Line($"var reconstruction = {Reconstruction}.Loss(prediction, sample.Clean, sample.Mask);");
        if (!method.Composition.Adversarial)
        {
            writer.Line("return reconstruction;");
            return;
        }
        var weight = Option(HyperparameterTable.AdversarialWeight);
        writer.Line($"var adversarial = {Adversarial}.Generator({DiscriminatorField}.call(sample.Complete(prediction)));");
        writer.Line($"return {RuntimeNames.LossTerms}.Blend(reconstruction, adversarial, {weight});");
    }
}
