using System.Linq;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>Writes the parts of a method that depend on its family (its objective and the concerns it wires).</summary>
internal abstract class FamilyEmitter
{
    /// <summary>The emitter for <paramref name="method"/>'s family.</summary>
    public static FamilyEmitter For(MethodModel method) => method.Composition.Objective switch
    {
        ObjectiveKind.Classification => new ClassificationEmitter(tiles: method.Composition.Pretext == "Jigsaw"),
        ObjectiveKind.Reconstruction when method.Composition.Pretext == "Inpaint" => new InpaintEmitter(),
        ObjectiveKind.Reconstruction => new ReconstructionEmitter(),
        ObjectiveKind.PixelClassification => new PixelClassificationEmitter(),
        ObjectiveKind.Adversarial => new BiGanEmitter(),
        ObjectiveKind.PredictiveCoding => new PredictiveCodingEmitter(),
        ObjectiveKind.Contrastive when method.Composition.Negatives == NegativesKind.MemoryBank => new MemoryBankEmitter(),
        ObjectiveKind.Contrastive => new ContrastiveEmitter(),
        ObjectiveKind.Bootstrap => new BootstrapEmitter(),
        ObjectiveKind.Dino => new DinoEmitter(),
        ObjectiveKind.Own => new OwnObjectiveEmitter(),
        _ => new PairObjectiveEmitter(),
    };

    /// <summary>Writes the private fields.</summary>
    public abstract void WriteFields(SourceWriter writer, MethodModel method);

    /// <summary>
    /// The backbone argument of the base constructor call: an expression of <c>data</c>, <c>options</c> and
    /// <paramref name="given"/>, the custom backbone or null.
    /// </summary>
    public virtual string BaseBackbone(MethodModel method, string given) => given;

    /// <summary>Writes the statements of the constructor body that build the method's pieces.</summary>
    public abstract void WriteConstruction(SourceWriter writer, MethodModel method);

    /// <summary>Writes the family's overrides and private helper members (after the constructors), each followed by an empty line, if any.</summary>
    public virtual void WriteHelpers(SourceWriter writer, MethodModel method)
    {
    }

    /// <summary>Writes the statements of <c>ComputeLoss</c>.</summary>
    public abstract void WriteLoss(SourceWriter writer, MethodModel method);

    /// <summary>Writes the <c>AfterStep</c> override, followed by an empty line, if the family needs one.</summary>
    public virtual void WriteAfterStep(SourceWriter writer, MethodModel method)
    {
    }

    /// <summary>The options property of <paramref name="definition"/>, as generated code reads it.</summary>
    protected static string Option(HyperparameterDefinition definition) => $"Hyperparameters.{definition.Option}";

    /// <summary>
    /// Writes the <c>AdversarialMethod</c> overrides, each followed by an empty line: <c>Discriminator</c> returning
    /// <paramref name="discriminator"/>, and <c>ComputeDiscriminatorLoss</c> made of <paramref name="lossStatements"/>.
    /// </summary>
    protected static void WriteDiscriminatorOverrides(SourceWriter writer, string discriminator, params string[] lossStatements)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line($"protected override global::TorchSharp.torch.nn.Module Discriminator => {discriminator};");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        using (writer.Block($"protected override {RuntimeNames.Tensor} ComputeDiscriminatorLoss({RuntimeNames.Batch} batch, {RuntimeNames.TrainingContext} context)"))
        {
            foreach (var statement in lossStatements)
                writer.Line(statement);
        }
        writer.Line();
    }

    /// <summary>The field of the declared views: those a view family compares, or a pretext task's one view.</summary>
    protected const string Views = "_views";

    /// <summary>
    /// Writes the construction of <see cref="Views"/>, of the user's own or built-in (those of the <c>Views</c> option,
    /// <see cref="ViewsOption"/>), then <paramref name="localCrops"/> (an argument list's tail, or empty).
    /// </summary>
    protected static void WriteViewsConstruction(SourceWriter writer, Composition composition, string localCrops = "")
    {
        if (composition.ViewTypes.Count > 0)
        {
            var pipelines = string.Join(", ", composition.ViewTypes.Select(view => $"new {view.Name}({(view.TakesArgument ? "data.Shape" : "")})"));
            writer.Line($"{Views} = new {RuntimeNames.AugmentedViews}([{pipelines}], data.Shape{localCrops});");
        }
        else
        {
            writer.Line($"{Views} = new {RuntimeNames.AugmentedViews}(data.Shape, Hyperparameters.{ViewsOption.Name}{localCrops});");
        }
    }

    /// <summary>Writes <c>private readonly type name;</c>.</summary>
    protected static void Field(SourceWriter writer, string type, string name) => writer.Line($"private readonly {type} {name};");
}
