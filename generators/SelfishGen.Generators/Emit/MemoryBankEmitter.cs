using System.Linq;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// <c>[Contrastive(MemoryBank = n)]</c>: each branch's embedding meets its image's bank entry among n random other
/// entries; the bank then takes the new embeddings. One branch (Instance Discrimination); two views through one head,
/// averaged, the bank taking both; two views with a head each against one bank of view 0, averaged (PIRL); or two Lab
/// encoders, each against the other's bank, averaged (CMC).
/// </summary>
internal sealed class MemoryBankEmitter : ViewFamilyEmitter
{
    private const string Bank = "_memoryBank";
    private const string LightnessBank = "_lightnessBank";
    private const string ColorBank = "_colorBank";

    /// <inheritdoc />
    protected override string ObjectiveType(MethodModel method) => $"{RuntimeNames.Objectives}.MemoryBankContrast";

    /// <inheritdoc />
    protected override string ObjectiveArguments(MethodModel method) =>
        $"{Option(HyperparameterTable.Temperature)}, {Option(HyperparameterTable.MemoryBank)}";

    /// <inheritdoc />
    protected override void WriteStateFields(SourceWriter writer, MethodModel method)
    {
        foreach (var bank in Banks(method))
            Field(writer, RuntimeNames.MemoryBank, bank);
    }

    /// <inheritdoc />
    protected override void WriteStateConstruction(SourceWriter writer, MethodModel method)
    {
        foreach (var bank in Banks(method))
            writer.Line($"{bank} = new {RuntimeNames.MemoryBank}(data.Count, {ProjectorWidths}.Out);");
    }

    /// <inheritdoc />
    protected override void WriteStateRegistration(SourceWriter writer, MethodModel method)
    {
        foreach (var bank in Banks(method))
            writer.Line($"register_module(\"{Snake(bank)}\", {bank});");
    }

    /// <inheritdoc />
    protected override void WriteFamilyHelpers(SourceWriter writer, MethodModel method)
    {
        var composition = method.Composition;
        writer.Line("/// <summary>Unless told otherwise, fills the memory bank with the untrained encoder's embeddings of every image (its view 0), so that the first epoch contrasts real features, not random vectors.</summary>");
        writer.Line($"protected override void PrepareFreshRun({RuntimeNames.ImageDataset} dataset, {RuntimeNames.Generator} random)");
        using (writer.Block())
        {
            writer.Line($"if (!{Option(HyperparameterTable.BankWarmStart)})");
            using (writer.Indented())
                writer.Line("return;");
            if (composition.LabEncoders)
            {
                writer.Line($"{RuntimeNames.MemoryBankWarmStart}.Fill(this, dataset, images =>");
                using (writer.Block(closing: $"}}, [{LightnessBank}, {ColorBank}]);"))
                {
                    writer.Line($"var (lightness, color) = {RuntimeNames.LabSplitBackbone}.Split({Views}.Apply(images, random)[0]);");
                    writer.Line("return [Embed(0, lightness), Embed(1, color)];");
                }
            }
            else
            {
                var embed = composition.ProjectorPerView ? "Embed(0, " : "Embed(";
                writer.Line($"{RuntimeNames.MemoryBankWarmStart}.Fill(this, dataset, images => [{embed}{Views}.Apply(images, random)[0])], [{Bank}]);");
            }
        }
        writer.Line();
    }

    /// <inheritdoc />
    protected override void WriteViewLoss(SourceWriter writer, MethodModel method)
    {
        var composition = method.Composition;
        var momentum = Option(HyperparameterTable.BankMomentum);
        if (!composition.ProjectorPerView && composition.ViewCount == 1)
        {
            writer.Line("var embeddings = Embed(views[0]);");
            writer.Line($"var loss = {Contrast("embeddings", Bank)};");
            writer.Line($"{Bank}.Update(batch.Indices, embeddings, {momentum});");
        }
        else if (!composition.ProjectorPerView)
        {
            writer.Line("var first = Embed(views[0]);");
            writer.Line("var second = Embed(views[1]);");
            writer.Line($"var loss = {RuntimeNames.LossTerms}.Mean({Contrast("first", Bank)}, {Contrast("second", Bank)});");
            writer.Line($"{Bank}.Update(batch.Indices, first, second, {momentum});");
        }
        else if (composition.LabEncoders)
        {
            writer.Line($"var (lightnessImages, colorImages) = {RuntimeNames.LabSplitBackbone}.Split(views[0]);");
            writer.Line("var lightness = Embed(0, lightnessImages);");
            writer.Line("var color = Embed(1, colorImages);");
            writer.Line($"var loss = {RuntimeNames.LossTerms}.Mean({Contrast("lightness", ColorBank)}, {Contrast("color", LightnessBank)});");
            writer.Line($"{LightnessBank}.Update(batch.Indices, lightness, {momentum});");
            writer.Line($"{ColorBank}.Update(batch.Indices, color, {momentum});");
        }
        else
        {
            writer.Line("var original = Embed(0, views[0]);");
            writer.Line("var transformed = Embed(1, views[1]);");
            writer.Line($"var loss = {RuntimeNames.LossTerms}.Mean({Contrast("original", Bank)}, {Contrast("transformed", Bank)});");
            writer.Line($"{Bank}.Update(batch.Indices, original, {momentum});");
        }
        writer.Line("return loss;");
    }

    private static string Contrast(string embeddings, string bank) => $"{Objective}.Loss({embeddings}, {bank}, batch.Indices, context.Random)";

    private static string[] Banks(MethodModel method) => method.Composition.LabEncoders ? [LightnessBank, ColorBank] : [Bank];

    // _memoryBank → memory_bank
    private static string Snake(string field) =>
        string.Concat(field.TrimStart('_').Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
