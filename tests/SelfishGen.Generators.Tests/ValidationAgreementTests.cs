using SelfishGen.Methods;

namespace SelfishGen.Generators.Tests;

/// <summary>The generated run-time validation and the analyzers apply the same rules with the same messages.</summary>
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

    private static string Declaration(string argument) =>
        $"[Pretext(PretextKind.Rotation), Classification({argument})] public partial class Spin : SelfSupervisedMethod;";
}
