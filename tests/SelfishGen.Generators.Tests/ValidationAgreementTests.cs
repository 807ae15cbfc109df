using System.Reflection;
using System.Runtime.Loader;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Tests.Infrastructure;
using SelfishGen.Methods;
using SelfishGen.Pretext;

namespace SelfishGen.Generators.Tests;

/// <summary>
/// The generated run-time validation and the analyzers apply the same rules with the same messages: each value's range,
/// and each relation between values (and the declared views) that a runtime class checks when it is built.
/// </summary>
public class ValidationAgreementTests
{
    /// <summary>An attribute argument, and the options a user would set at run time to the same value.</summary>
    public static TheoryData<string, RotateNet.Options> Invalid => new()
    {
        { "LabelSmoothing = 1.0", new() { LabelSmoothing = 1.0 } },
        { "LabelSmoothing = -0.5", new() { LabelSmoothing = -0.5 } },
        { "LabelSmoothing = double.NaN", new() { LabelSmoothing = double.NaN } },
        { "Hidden = [16, 0, 8]", new() { Hidden = [16, 0, 8] } },
        { "Hidden = [-3]", new() { Hidden = [-3] } },
    };

    /// <inheritdoc cref="Invalid"/>
    public static TheoryData<string, RotateNet.Options> Valid => new()
    {
        { "LabelSmoothing = 0.0", new() { LabelSmoothing = 0.0 } },
        { "LabelSmoothing = 0.25", new() { LabelSmoothing = 0.25 } },
        { "Hidden = []", new() { Hidden = [] } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_options_are_rejected_with_the_analyzer_message(string argument, RotateNet.Options options)
    {
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze(Declaration(argument)));

        Assert.Equal([diagnostic.GetMessage()], options.Validate());
        var error = Assert.Throws<ArgumentException>(() => options.EnsureValid<RotateNet.Options>());
        Assert.Contains(diagnostic.GetMessage(), error.Message);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Valid_options_pass_both(string argument, RotateNet.Options options)
    {
        Assert.Empty(await DiagnosticTests.Analyze(Declaration(argument)));
        Assert.Empty(options.Validate());
    }

    /// <summary>MoCo's attributes with one invalid value, and MoCo options with the same value.</summary>
    public static TheoryData<string, MoCo.Options> InvalidMoCo => new()
    {
        { "MomentumEncoder(Momentum = 1.0), Contrastive(Queue = 8)", new() { Momentum = 1.0 } },
        { "MomentumEncoder, Contrastive(Queue = 8, Temperature = 0.0)", new() { Temperature = 0.0 } },
        { "MomentumEncoder, Contrastive(Queue = 0)", new() { Queue = 0 } },
        { "MomentumEncoder, Contrastive(Queue = 8, BatchNormGroups = 0)", new() { BatchNormGroups = 0 } },
    };

    [Theory]
    [MemberData(nameof(InvalidMoCo))]
    public async Task Invalid_MoCo_options_are_rejected_with_the_analyzer_message(string attributes, MoCo.Options options)
    {
        var declaration = $"[Views(ViewAugmentation.MoCoV2, ViewAugmentation.MoCoV2), Projector, {attributes}] public partial class M : SelfSupervisedMethod;";
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze(declaration));

        Assert.Equal([diagnostic.GetMessage()], options.Validate());
    }

    [Fact]
    public async Task An_invalid_ContextNet_OutsideWeight_is_rejected_with_the_analyzer_message()
    {
        var declaration = "[Pretext(PretextKind.Inpaint), Reconstruction(OutsideWeight = 1.5)] public partial class M : SelfSupervisedMethod;";
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze(declaration));

        Assert.Equal([diagnostic.GetMessage()], new ContextNet.Options { OutsideWeight = 1.5 }.Validate());
    }

    [Fact]
    public void Generated_defaults_are_the_attribute_defaults()
    {
        var attribute = new ClassificationAttribute();
        var options = new RotateNet.Options();

        Assert.Equal(attribute.Hidden, options.Hidden);
        Assert.Equal(attribute.LabelSmoothing, options.LabelSmoothing);
    }

    /// <summary>The runtime check of every relation, e.g. <c>global::SelfishGen.Objectives.CpcLoss.GridProblem</c>.</summary>
    public static TheoryData<string> RuntimeChecks => [.. RelationTable.All.Select(relation => relation.RuntimeCheck)];

    [Fact]
    public void Every_relation_the_runtime_checks_has_a_compile_time_twin()
    {
        // By convention a constructor check that relates hyperparameters is a public static '...Problem' method
        // returning the message (or null); each must be in the relation table, or declarations could break it unseen.
        // The choice of views is checked against the declared views themselves, the option's default: no twin needed.
        var runtimeChecks = typeof(SelfSupervisedMethod).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(method => method.DeclaringType == type))
            .Where(method => method.Name.EndsWith("Problem", StringComparison.Ordinal) && method.ReturnType == typeof(string))
            .Select(method => $"global::{method.DeclaringType!.FullName}.{method.Name}");

        Assert.Equal(runtimeChecks.Order(), RelationTable.All.Select(relation => relation.RuntimeCheck).Append(ViewsOption.RuntimeCheck).Order());
    }

    [Theory]
    [MemberData(nameof(RuntimeChecks))]
    public void A_relation_and_its_runtime_check_give_the_same_message_for_the_same_values(string runtimeCheck)
    {
        var relation = RelationTable.All.Single(r => r.RuntimeCheck == runtimeCheck);
        var method = RuntimeMethod(runtimeCheck);
        int[] values = [-1, 0, 1, 2, 3, 4, 5, 9, 23, 24, 25, 1000, 19_999, 20_000, 20_001, 40_320, 362_879, 362_880, 362_881, int.MaxValue];
        var arity = relation.Operands.Length + (relation.WithViews ? 1 : 0);
        IEnumerable<int[]> tuples = [[]];
        for (var i = 0; i < arity; i++)
            tuples = tuples.SelectMany(tuple => values.Select(value => (int[])[.. tuple, value]));

        Assert.All(tuples, arguments =>
        {
            var converted = arguments.Zip(method.GetParameters(), (value, parameter) => Convert.ChangeType(value, parameter.ParameterType)).ToArray();
            Assert.Equal((string?)method.Invoke(null, converted), relation.ProblemOf(arguments));
        });
    }

    [Fact]
    public async Task A_CPC_grid_no_larger_than_its_steps_is_rejected_with_the_analyzer_message()
    {
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze("[PredictiveCoding(Grid = 3, Steps = 3)] public partial class M : SelfSupervisedMethod;"));
        var options = new CPC.Options { Grid = 3, Steps = 3 };

        Assert.Equal([diagnostic.GetMessage()], options.Validate());
        Assert.Contains(diagnostic.GetMessage(), Assert.Throws<ArgumentException>(() => options.EnsureValid<CPC.Options>()).Message);
    }

    [Fact]
    public async Task Too_many_jigsaw_permutations_are_rejected_with_the_analyzer_message()
    {
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze($"{Declaration("", "PretextKind.Jigsaw, Grid = 3, Permutations = 30000")}"));

        Assert.Equal([diagnostic.GetMessage()], new Jigsaw.Options { JigsawGrid = 3, Permutations = 30000 }.Validate());
        Assert.StartsWith(diagnostic.GetMessage(), Assert.Throws<ArgumentException>(() => new JigsawPretext(3, 30000)).Message);
    }

    [Fact]
    public async Task Too_few_DINO_views_are_rejected_with_the_analyzer_message()
    {
        const string Declared = "[Views(ViewAugmentation.DinoGlobal1, LocalCrops = {0}), Projector, MomentumEncoder, Dino] public partial class OneView : SelfSupervisedMethod;";
        var diagnostic = Assert.Single(await DiagnosticTests.Analyze(string.Format(Declared, 0)));
        var run = GeneratorRun.Of(TestCompilation.Create($"using SelfishGen;\n\nnamespace Demo;\n\n{string.Format(Declared, 1)}\n"));
        using var image = new MemoryStream();
        Assert.True(run.Output.Emit(image).Success);
        image.Position = 0;
        var context = new AssemblyLoadContext(nameof(Too_few_DINO_views_are_rejected_with_the_analyzer_message), isCollectible: true);
        try
        {
            var options = (MethodOptions)Activator.CreateInstance(context.LoadFromStream(image).GetType("Demo.OneView+Options")!)!;
            Assert.Empty(options.Validate());
            options.GetType().GetProperty("LocalCrops")!.SetValue(options, 0);

            Assert.Equal([diagnostic.GetMessage()], options.Validate());
        }
        finally
        {
            context.Unload();
        }
    }

    // The static method a runtime check names, e.g. CpcLoss.GridProblem.
    private static MethodInfo RuntimeMethod(string runtimeCheck)
    {
        var name = runtimeCheck["global::".Length..];
        var type = typeof(SelfSupervisedMethod).Assembly.GetType(name[..name.LastIndexOf('.')])!;
        return type.GetMethod(name[(name.LastIndexOf('.') + 1)..], BindingFlags.Public | BindingFlags.Static)!;
    }

    private static string Declaration(string argument, string pretext = "PretextKind.Rotation") =>
        $"[Pretext({pretext}), Classification({argument})] public partial class Spin : SelfSupervisedMethod;";
}
