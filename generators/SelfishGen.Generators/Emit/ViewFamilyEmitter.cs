using System.Linq;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// The concerns shared by methods that compare augmented views: the views, the Lab split of the backbone into an L
/// and an ab encoder, the projector(s), the predictor, the momentum encoder and its schedule. Each objective's family adds its objective,
/// its state (queue, memory banks) and its loss.
/// </summary>
internal abstract class ViewFamilyEmitter : FamilyEmitter
{
    protected const string Projector = "_projector";
    protected const string Projectors = "_projectors";
    protected const string Predictor = "_predictor";
    protected const string Momentum = "_momentum";
    protected const string MomentumSchedule = "_momentumSchedule";
    protected const string Objective = "_objective";
    protected const string Queue = "_queue";
    protected const string Tiles = "_tiles";
    protected const string ProjectorWidths = "ProjectorWidths";

    /// <summary>The objective's runtime type.</summary>
    protected abstract string ObjectiveType(MethodModel method);

    /// <summary>The objective's constructor arguments.</summary>
    protected abstract string ObjectiveArguments(MethodModel method);

    /// <summary>Whether the objective is a module with state or parameters (registered, so it is trained and saved).</summary>
    protected virtual bool ObjectiveIsModule(MethodModel method) => false;

    /// <summary>The projector's runtime type.</summary>
    protected virtual string ProjectorType => RuntimeNames.MlpHead;

    /// <summary>The projector's constructor arguments.</summary>
    protected virtual string ProjectorArguments(MethodModel method) =>
        $"{ProjectorInput(method)}, {ProjectorWidths}.Hidden, {ProjectorWidths}.Out, {Option(HyperparameterTable.ProjectorOutputNorm)}";

    /// <summary>The projector's input width: the backbone's features, or one Lab encoder's.</summary>
    protected static string ProjectorInput(MethodModel method) =>
        method.Composition.LabEncoders ? "Encoders.Lightness.OutputFeatures" : "Backbone.OutputFeatures";

    /// <summary>The option that sizes the queue of a method that keeps one (<see cref="HasQueue"/>).</summary>
    protected virtual HyperparameterDefinition QueueSize => HyperparameterTable.Queue;

    /// <summary>Whether the method keeps a queue of past embeddings (MoCo's keys, NNCLR's support set).</summary>
    protected static bool HasQueue(MethodModel method) => method.Composition.Negatives == NegativesKind.Queue;

    /// <summary>Writes the fields of the family's state (by default the queue, if any).</summary>
    protected virtual void WriteStateFields(SourceWriter writer, MethodModel method)
    {
        if (HasQueue(method))
            Field(writer, RuntimeNames.FeatureQueue, Queue);
    }

    /// <summary>Writes the construction of the family's state (by default the queue, if any).</summary>
    protected virtual void WriteStateConstruction(SourceWriter writer, MethodModel method)
    {
        if (HasQueue(method))
            writer.Line($"{Queue} = new {RuntimeNames.FeatureQueue}({RuntimeNames.DatasetScaled}.Size({Option(QueueSize)}, data.Count), {ProjectorWidths}.Out);");
    }

    /// <inheritdoc />
    public sealed override void WriteFields(SourceWriter writer, MethodModel method)
    {
        var composition = method.Composition;
        Field(writer, RuntimeNames.AugmentedViews, Views);
        if (composition.ProjectorPerView)
            Field(writer, $"{RuntimeNames.ModuleList}<{ProjectorType}>", Projectors);
        else
            Field(writer, ProjectorType, Projector);
        if (TiledViews(composition).Length > 0)
            Field(writer, RuntimeNames.TileEncoder, Tiles);
        if (composition.Predictor)
            Field(writer, RuntimeNames.MlpHead, Predictor);
        if (composition.Momentum)
        {
            Field(writer, RuntimeNames.MomentumEncoder, Momentum);
            Field(writer, RuntimeNames.MomentumSchedule, MomentumSchedule);
        }
        WriteStateFields(writer, method);
        Field(writer, ObjectiveType(method), Objective);
    }

    /// <inheritdoc />
    public override string BaseBackbone(MethodModel method, string given) =>
        method.Composition.LabEncoders ? $"{RuntimeNames.LabSplitBackbone}.For(nameof({method.Name}), data.Shape, options, {given})" : given;

    /// <inheritdoc />
    public sealed override void WriteConstruction(SourceWriter writer, MethodModel method)
    {
        var composition = method.Composition;
        var localCrops = method.Hyperparameters.Any(h => h.Name == HyperparameterTable.LocalCrops.Option) ? $", {Option(HyperparameterTable.LocalCrops)}" : "";
        WriteViewsConstruction(writer, composition, localCrops);
        if (composition.ProjectorPerView)
            writer.Line($"{Projectors} = new({string.Join(", ", Enumerable.Repeat("NewProjector()", Branches(composition)))});");
        else
            writer.Line($"{Projector} = NewProjector();");
        var tiled = TiledViews(composition).Length > 0;
        if (tiled)
            writer.Line($"{Tiles} = new {RuntimeNames.TileEncoder}(Backbone.OutputFeatures, {RuntimeNames.JigsawView}.Grid);");
        if (composition.Predictor)
            writer.Line($"{Predictor} = new {RuntimeNames.MlpHead}({ProjectorWidths}.Out, {Option(HyperparameterTable.PredictorHidden)}, {ProjectorWidths}.Out);");
        if (composition.Momentum)
        {
            writer.Line($"{Momentum} = new {RuntimeNames.MomentumEncoder}(new {RuntimeNames.CombinedNet}(Backbone, {Projector}), new {RuntimeNames.CombinedNet}(Backbone.Replicate(Backbone.Input), NewProjector()));");
            writer.Line($"{MomentumSchedule} = {RuntimeNames.MomentumSchedule}.Of({Option(HyperparameterTable.Momentum)}, {Option(HyperparameterTable.MomentumCosine)});");
        }
        WriteStateConstruction(writer, method);
        writer.Line($"{Objective} = new {ObjectiveType(method)}({ObjectiveArguments(method)});");
        writer.Line(composition.ProjectorPerView ? $"register_module(\"projectors\", {Projectors});" : $"register_module(\"projector\", {Projector});");
        if (tiled)
            writer.Line($"register_module(\"tiles\", {Tiles});");
        if (composition.Predictor)
            writer.Line($"register_module(\"predictor\", {Predictor});");
        if (composition.Momentum)
            writer.Line($"register_module(\"momentum\", {Momentum});");
        WriteStateRegistration(writer, method);
        if (ObjectiveIsModule(method))
            writer.Line($"register_module(\"objective\", {Objective});");
    }

    /// <summary>Writes the registration of the family's state (by default the queue, if any), after the heads, so checkpoints read well.</summary>
    protected virtual void WriteStateRegistration(SourceWriter writer, MethodModel method)
    {
        if (HasQueue(method))
            writer.Line($"register_module(\"queue\", {Queue});");
    }

    /// <inheritdoc />
    public sealed override void WriteHelpers(SourceWriter writer, MethodModel method)
    {
        WriteFamilyHelpers(writer, method);
        var composition = method.Composition;
        writer.Line("/// <summary>The projector's widths: as declared, or scaled with the backbone's features (ProjectorScaleWithFeatures).</summary>");
        writer.Line($"private {RuntimeNames.HeadWidths} {ProjectorWidths} => {RuntimeNames.HeadWidths}.Scaled({Option(HyperparameterTable.ProjectorHidden)}, " +
            $"{Option(HyperparameterTable.ProjectorOut)}, {ProjectorInput(method)}, {Option(HyperparameterTable.ProjectorScaleWithFeatures)});");
        writer.Line();
        writer.Line("/// <summary>A new projector from the backbone's features to the embedding.</summary>");
        writer.Line($"private {ProjectorType} NewProjector() => new({ProjectorArguments(method)});");
        writer.Line();
        if (!composition.ProjectorPerView)
        {
            writer.Line("/// <summary>The online embedding of <paramref name=\"images\"/>: backbone, then projector.</summary>");
            writer.Line($"private {RuntimeNames.Tensor} Embed({RuntimeNames.Tensor} images) => {Projector}.call(Backbone.call(images));");
            writer.Line();
            return;
        }
        if (composition.LabEncoders)
        {
            writer.Line("/// <summary>The backbone: an L encoder and an ab encoder.</summary>");
            writer.Line($"private {RuntimeNames.LabSplitBackbone} Encoders => ({RuntimeNames.LabSplitBackbone})Backbone;");
            writer.Line();
        }
        var tiledViews = TiledViews(composition);
        var (features, encoders) = composition.LabEncoders
            ? ("(view == 0 ? Encoders.Lightness : Encoders.Color).call(images)", "the L encoder (view 0, of L images) or the ab encoder (view 1, of ab images)")
            : tiledViews.Length > 0
                ? ($"view is {string.Join(" or ", tiledViews)} ? {Tiles}.Features(Backbone, images) : Backbone.call(images)",
                    $"the backbone (tile by tile for the jigsaw view{(tiledViews.Length > 1 ? "s" : "")} {string.Join(", ", tiledViews)})")
                : ("Backbone.call(images)", "the backbone");
        writer.Line($"/// <summary>The embedding of <paramref name=\"images\"/> as view <paramref name=\"view\"/>: {encoders}, then that view's projector.</summary>");
        writer.Line($"private {RuntimeNames.Tensor} Embed(int view, {RuntimeNames.Tensor} images) => {Projectors}[view].call({features});");
        writer.Line();
    }

    /// <summary>Writes members only this family has (before the projector helpers), if any.</summary>
    protected virtual void WriteFamilyHelpers(SourceWriter writer, MethodModel method)
    {
    }

    /// <inheritdoc />
    public sealed override void WriteLoss(SourceWriter writer, MethodModel method)
    {
        writer.Line($"var views = {Views}.Apply(batch.Images, context.Random);");
        WriteViewLoss(writer, method);
    }

    /// <summary>Writes the statements of <c>ComputeLoss</c> after <c>views</c> (the list of view batches) is made.</summary>
    protected abstract void WriteViewLoss(SourceWriter writer, MethodModel method);

    /// <summary>Writes <c>return objective(embedding of view 0, embedding of view 1)</c>: the loss of two symmetric views.</summary>
    protected static void WritePairLoss(SourceWriter writer) =>
        writer.Line($"return {Objective}.Loss(Embed(views[0]), Embed(views[1]));");

    /// <inheritdoc />
    public sealed override void WriteAfterStep(SourceWriter writer, MethodModel method)
    {
        if (!method.Composition.Momentum)
            return;
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override void AfterStep({RuntimeNames.Batch} batch, {RuntimeNames.TrainingContext} context) =>");
        using (writer.Indented())
            writer.Line($"{Momentum}.Update({MomentumSchedule}.At(context.Progress));");
        writer.Line();
    }

    /// <summary>
    /// The views encoded tile by tile (<c>TileEncoder</c>): the jigsaw views of methods with a projector per view.
    /// Behind a shared projector, every view must give the backbone's features the same way, so a jigsaw view is
    /// encoded whole there.
    /// </summary>
    private static int[] TiledViews(Composition composition) => composition.ProjectorPerView && !composition.LabEncoders
        ? [.. composition.Views.Select((view, index) => (view, index)).Where(v => v.view == "Jigsaw").Select(v => v.index)]
        : [];

    /// <summary>How many branches (views, or Lab encoders) have their own projector.</summary>
    protected static int Branches(Composition composition) => composition.LabEncoders ? 2 : composition.ViewCount;
}
