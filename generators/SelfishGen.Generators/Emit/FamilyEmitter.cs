using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>Writes the parts of a method that depend on its family (its objective and the concerns it wires).</summary>
internal abstract class FamilyEmitter
{
    /// <summary>The emitter for <paramref name="method"/>'s family.</summary>
    public static FamilyEmitter For(MethodModel method) => method.Composition.Objective switch
    {
        ObjectiveKind.Classification => new ClassificationEmitter(),
        ObjectiveKind.Reconstruction when method.Composition.Pretext == "Inpaint" => new InpaintEmitter(),
        ObjectiveKind.Reconstruction => new ReconstructionEmitter(),
        ObjectiveKind.Adversarial => new BiGanEmitter(),
        ObjectiveKind.PredictiveCoding => new PredictiveCodingEmitter(),
        ObjectiveKind.Contrastive when method.Composition.Negatives == NegativesKind.MemoryBank => new MemoryBankEmitter(),
        ObjectiveKind.Contrastive => new ContrastiveEmitter(),
        ObjectiveKind.Bootstrap => new BootstrapEmitter(),
        ObjectiveKind.Dino => new DinoEmitter(),
        _ => new PairObjectiveEmitter(),
    };

    /// <summary>Writes the private fields.</summary>
    public abstract void WriteFields(SourceWriter writer, MethodModel method);

    /// <summary>The backbone argument of the base constructor call (an expression of <c>data</c>, <c>options</c> and <c>backbone</c>).</summary>
    public virtual string BaseBackbone(MethodModel method) => "backbone";

    /// <summary>Writes the statements of the constructor body that build the method's pieces.</summary>
    public abstract void WriteConstruction(SourceWriter writer, MethodModel method);

    /// <summary>Writes private helper members (after the constructors), each followed by an empty line, if any.</summary>
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

    /// <summary>Writes <c>private readonly type name;</c>.</summary>
    protected static void Field(SourceWriter writer, string type, string name) => writer.Line($"private readonly {type} {name};");
}
