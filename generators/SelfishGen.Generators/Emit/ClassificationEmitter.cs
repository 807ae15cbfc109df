using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// A pretext task classified by an MLP head: <c>[Pretext] + [Classification]</c>. With <paramref name="tiles"/> (jigsaw
/// puzzles) the backbone may encode the puzzle tile by tile, each tile resized to the images' size or not, as the
/// <c>TileByTile</c> and <c>ResizeTiles</c> options say; tile by tile, the backbone's batch-norm running statistics
/// follow the batch's whole images, which it is evaluated and used on.
/// </summary>
internal sealed class ClassificationEmitter(bool tiles) : PretextFamilyEmitter
{
    private const string Classifier = "_classifier";
    private const string Objective = "_objective";
    private const string Tiles = "_tiles";

    /// <inheritdoc />
    protected override void WriteHeadFields(SourceWriter writer)
    {
        if (tiles)
            Field(writer, $"{RuntimeNames.TileEncoder}?", Tiles);
        Field(writer, RuntimeNames.MlpHead, Classifier);
        Field(writer, $"{RuntimeNames.Objectives}.ClassificationObjective", Objective);
    }

    /// <inheritdoc />
    protected override void WriteHeadConstruction(SourceWriter writer)
    {
        if (tiles)
        {
            var resize = Option(HyperparameterTable.JigsawResizeTiles);
            writer.Line($"{Tiles} = {Option(HyperparameterTable.JigsawTileByTile)} || {resize}");
            using (writer.Indented())
                writer.Line($"? new {RuntimeNames.TileEncoder}(Backbone.OutputFeatures, {Option(HyperparameterTable.JigsawGrid)}, {resize}) : null;");
        }
        writer.Line($"{Classifier} = new {RuntimeNames.MlpHead}(Backbone.OutputFeatures, {Option(HyperparameterTable.ClassificationHidden)}, {Pretext}.ClassCount);");
        writer.Line($"{Objective} = new {RuntimeNames.Objectives}.ClassificationObjective({Option(HyperparameterTable.ClassificationLabelSmoothing)});");
        writer.Line($"register_module(\"classifier\", {Classifier});");
        if (!tiles)
            return;
        writer.Line($"if ({Tiles} is not null)");
        using (writer.Indented())
            writer.Line($"register_module(\"tiles\", {Tiles});");
    }

    /// <inheritdoc />
    protected override string Loss(string inputs, string targets) => $"{Objective}.Loss({Classifier}.call({Features(inputs)}), {targets})";

    private string Features(string inputs) => tiles ? $"{Tiles}?.Features(Backbone, {inputs}, batch.Images) ?? Backbone.call({inputs})" : $"Backbone.call({inputs})";
}
