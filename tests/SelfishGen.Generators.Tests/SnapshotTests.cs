using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests;

/// <summary>The generated sources equal their approved snapshots.</summary>
public class SnapshotTests
{
    [Fact]
    public void The_library_RotateNet_is_generated_as_approved()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.LibraryRotateNet));

        Assert.Empty(run.Diagnostics);
        Assert.Equal([RegistrationEmitter.HintName, "SelfishGen.Methods.RotateNet.g.cs"], run.Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Snapshot.Match(run.Source("SelfishGen.Methods.RotateNet.g.cs"), "RotateNet");
        Snapshot.Match(run.Source(RegistrationEmitter.HintName), "MethodRegistration");
    }

    [Theory]
    [InlineData("MoCo")]
    [InlineData("BYOL")]
    [InlineData("SimCLR")]
    [InlineData("Jigsaw")]
    [InlineData("ExemplarNet")]
    [InlineData("DenoiseNet")]
    [InlineData("ContextNet")]
    [InlineData("BiGAN")]
    [InlineData("SplitBrain")]
    [InlineData("SimSiam")]
    [InlineData("BarlowTwins")]
    [InlineData("VICReg")]
    [InlineData("DINO")]
    [InlineData("InstanceDiscrimination")]
    [InlineData("PIRL")]
    [InlineData("CMC")]
    [InlineData("CPC")]
    public void Library_methods_are_generated_as_approved(string method)
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.Library(method)));

        Assert.Empty(run.Diagnostics);
        Snapshot.Match(run.Source($"SelfishGen.Methods.{method}.g.cs"), method);
    }

    [Fact]
    public void A_memory_bank_with_one_projector_averages_two_views_losses_and_takes_both_views()
    {
        var twoViews = Declarations.Library("InstanceDiscrimination").Replace("[Views(InstDisc)]", "[Views(InstDisc, InstDisc)]");
        var run = GeneratorRun.Of(TestCompilation.Create(twoViews));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("""
                    var first = Embed(views[0]);
                    var second = Embed(views[1]);
                    var loss = global::SelfishGen.Objectives.LossTerms.Mean(_objective.Loss(first, _memoryBank, batch.Indices, context.Random), _objective.Loss(second, _memoryBank, batch.Indices, context.Random));
                    _memoryBank.Update(batch.Indices, first, second, Hyperparameters.BankMomentum);
                    return loss;
            """, run.Source("SelfishGen.Methods.InstanceDiscrimination.g.cs"));
    }

    [Fact]
    public void A_structural_hyperparameter_is_an_option_only_when_declared()
    {
        var withQueue = GeneratorRun.Of(TestCompilation.Create(Declarations.Library("MoCo"))).Source("SelfishGen.Methods.MoCo.g.cs");
        var withoutQueue = GeneratorRun.Of(TestCompilation.Create(Declarations.Library("SimCLR"))).Source("SelfishGen.Methods.SimCLR.g.cs");

        Assert.Contains("public int Queue { get; init; } = 65536;", withQueue);
        Assert.DoesNotContain("Queue", withoutQueue);
        Assert.DoesNotContain("MemoryBank", withoutQueue);
    }

    [Fact]
    public void Declared_hyperparameters_become_the_option_defaults()
    {
        var source = GeneratorRun.Of(TestCompilation.Create(Declarations.SpinNet(labelSmoothing: "1e-5"))).Source("Demo.SpinNet.g.cs");

        Assert.Contains("namespace Demo;", source);
        Assert.Contains("public int[] Hidden { get; init; } = [64];", source);
        Assert.Contains("public double LabelSmoothing { get; init; } = 1E-05;", source);
        Assert.Contains("new(\"LabelSmoothing\", \"double\", \"1E-05\", ", source);
    }

    [Theory]
    [InlineData("LatentDistribution.Normal", "global::SelfishGen.LatentDistribution.Normal", "Normal")]
    [InlineData("(LatentDistribution)7", "(global::SelfishGen.LatentDistribution)(7)", "7")]
    public void A_declared_enum_value_becomes_the_option_default(string declared, string expression, string listed)
    {
        var declaration = $"using SelfishGen; namespace Demo; [Pretext(PretextKind.Latent, Distribution = {declared}), Adversarial] public partial class Gan : AdversarialMethod;";
        var run = GeneratorRun.Of(TestCompilation.Create(declaration));
        var source = run.Source("Demo.Gan.g.cs");

        Assert.Contains($"public global::SelfishGen.LatentDistribution Distribution {{ get; init; }} = {expression};", source);
        Assert.Contains($"new(\"Distribution\", \"LatentDistribution\", \"{listed}\", ", source);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void Nothing_is_generated_for_a_class_the_analyzers_reject()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.SpinNet().Replace("public partial class", "public class")));

        Assert.Empty(run.Result.GeneratedSources);
    }
}
