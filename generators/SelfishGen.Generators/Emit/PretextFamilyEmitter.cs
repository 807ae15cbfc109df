using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// A pretext task and a head trained on its inputs and targets: <c>[Pretext] + [Classification]</c> or
/// <c>[Reconstruction]</c>. Builds the pretext task from its options; the head and its loss come from the subclass.
/// Its static members serve every family with a pretext task: the task, and the one view (<c>[Views]</c>) that
/// augments each image before the task sees it, if declared.
/// </summary>
internal abstract class PretextFamilyEmitter : FamilyEmitter
{
    /// <summary>The pretext task field.</summary>
    public const string Pretext = "_pretext";
    private const string Setup = "global::SelfishGen.TrainingSetup";

    /// <inheritdoc />
    public sealed override void WriteFields(SourceWriter writer, MethodModel method)
    {
        WritePretextFields(writer, method);
        WriteHeadFields(writer);
    }

    /// <inheritdoc />
    public sealed override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        WritePretextConstruction(writer, method);
        WriteHeadConstruction(writer);
    }

    /// <inheritdoc />
    /// <remarks>Exemplar trains on its chosen images, repeated to the dataset size; a batch's indices give its classes.</remarks>
    public sealed override void WriteHelpers(SourceWriter writer, MethodModel method)
    {
        if (method.Composition.Pretext != "Exemplar")
            return;
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override {Setup} InitDataOptimizer(global::SelfishGen.Data.IImageDataset dataset, global::SelfishGen.TrainingPlan plan) =>");
        using (writer.Indented())
            writer.Line($"base.InitDataOptimizer({Pretext}.Prepare(dataset), plan);");
        writer.Line();
    }

    /// <inheritdoc />
    public sealed override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var (inputs, targets) = {Sample(method)};");
        writer.Line($"return {Loss("inputs", "targets")};");
    }

    /// <summary>Writes the field of the pretext task and, with a declared view, of the views.</summary>
    public static void WritePretextFields(SourceWriter writer, MethodModel method)
    {
        Field(writer, PretextTypes.TypeOf(method.Composition.Pretext!), Pretext);
        if (method.Composition.ViewCount > 0)
            Field(writer, RuntimeNames.AugmentedViews, Views);
    }

    /// <summary>Writes the construction of the pretext task and, with a declared view, of the views.</summary>
    public static void WritePretextConstruction(SourceWriter writer, MethodModel method)
    {
        writer.Line($"{Pretext} = {Construction(method.Composition.Pretext!)};");
        if (method.Composition.ViewCount > 0)
            WriteViewsConstruction(writer, method.Composition);
    }

    /// <summary>The pretext task's sample of the step's batch, whose images pass through the declared view first, if any.</summary>
    public static string Sample(MethodModel method) => method.Composition.ViewCount > 0
        ? $"{Pretext}.Apply(batch.WithImages({Views}.Apply(batch.Images, context.Random)[0]), context)"
        : $"{Pretext}.Apply(batch, context)";

    /// <summary>Writes the fields of the head and its objective.</summary>
    protected abstract void WriteHeadFields(SourceWriter writer);

    /// <summary>Writes the statements that build and register the head and its objective.</summary>
    protected abstract void WriteHeadConstruction(SourceWriter writer);

    /// <summary>The loss of the head on the pretext <paramref name="inputs"/> and <paramref name="targets"/>.</summary>
    protected abstract string Loss(string inputs, string targets);

    /// <summary>The expression that builds the pretext task <paramref name="kind"/> from the method's options.</summary>
    public static string Construction(string kind)
    {
        var type = PretextTypes.TypeOf(kind);
        return kind switch
        {
            "Jigsaw" => $"new {type}({Option(HyperparameterTable.JigsawGrid)}, {Option(HyperparameterTable.JigsawPermutations)}, "
                + $"{Option(HyperparameterTable.JigsawCropFraction)}, {Option(HyperparameterTable.PretextSeed)}, {RuntimeNames.Augment}.JigsawPatch())",
            "Exemplar" => $"new {type}(Data.Count, {Option(HyperparameterTable.ExemplarClasses)}, {Option(HyperparameterTable.PretextSeed)})",
            "Denoise" => $"new {type}({Option(HyperparameterTable.DenoiseDropRate)}, {Option(HyperparameterTable.DenoisePerChannel)}, "
                + $"{Option(HyperparameterTable.DenoiseNoiseSigma)}, {Option(HyperparameterTable.DenoiseBlockSize)})",
            "Inpaint" => $"new {type}({Option(HyperparameterTable.InpaintProbability)}, {Option(HyperparameterTable.InpaintBlocks)})",
            "Latent" => $"new {type}({Option(HyperparameterTable.LatentFeatures)}, {Option(HyperparameterTable.LatentDistribution)})",
            "ColorSplit" => $"new {type}(Data.Shape, {Option(HyperparameterTable.LightnessBinSize)}, {Option(HyperparameterTable.ColorBinSize)})",
            _ => $"new {type}()",
        };
    }
}
