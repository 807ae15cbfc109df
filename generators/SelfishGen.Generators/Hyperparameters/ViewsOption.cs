using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>
/// The <c>Views</c> option of a method whose views are built-in: the <c>ViewAugmentation</c> of each view, the declared
/// ones by default, so that another choice is a hyperparameter (<c>--set Views=MoCoV2,MoCoV2</c>), not a new class. It
/// keeps the declared number of views and any Jigsaw view where it is declared: the objective and the projectors are
/// built for those, which the runtime check (<see cref="RuntimeCheck"/>) enforces when the options are validated.
/// </summary>
internal static class ViewsOption
{
    /// <summary>The name of the option.</summary>
    public const string Name = "Views";

    /// <summary>The runtime method that returns the problem of a choice of views against the declared ones, or null.</summary>
    public const string RuntimeCheck = "global::SelfishGen.Views.ViewPipelines.ChoiceProblem";

    private const string Description =
        "The built-in augmentation of each view, in order: as many views as declared, a Jigsaw view only where one is declared.";

    /// <summary>The option of <paramref name="composition"/>'s built-in views; null when it declares none, or views of the user's own.</summary>
    public static HyperparameterModel? Of(Composition composition) => composition.Views.Count == 0
        ? null
        : new HyperparameterModel(Name, HyperparameterType.EnumArray, $"[{string.Join(", ", composition.Views)}]", Description, Rule: null, RuntimeNames.ViewAugmentation);
}
