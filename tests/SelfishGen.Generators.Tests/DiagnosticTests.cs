using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests;

/// <summary>Each diagnostic fires on a bad declaration, exactly on the offending text, and not on good ones.</summary>
public class DiagnosticTests
{
    public static TheoryData<string, string, string> BadDeclarations => new()
    {
        { "[Pretext(PretextKind.Rotation), Classification] public class Spin : SelfSupervisedMethod;", "SSG001", "Spin" },
        { "[Pretext(PretextKind.Rotation), Classification] public partial class Spin;", "SSG002", "Spin" },
        { "[Pretext(PretextKind.Rotation)] public partial class Spin : SelfSupervisedMethod;", "SSG003", "Spin" },
        { "[Classification] public partial class Spin : SelfSupervisedMethod;", "SSG003", "Spin" },
        { "[Pretext(PretextKind.Rotation), Classification(Hidden = [512, 0])] public partial class Spin : SelfSupervisedMethod;", "SSG010", "Hidden = [512, 0]" },
        { "[Pretext(PretextKind.Rotation), Classification(LabelSmoothing = 1.0)] public partial class Spin : SelfSupervisedMethod;", "SSG011", "LabelSmoothing = 1.0" },
        { "[Pretext(PretextKind.Rotation), Classification(LabelSmoothing = -0.1)] public partial class Spin : SelfSupervisedMethod;", "SSG011", "LabelSmoothing = -0.1" },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public async Task A_bad_declaration_is_reported_on_the_offending_text(string declaration, string id, string offendingText)
    {
        var diagnostic = Assert.Single(await Analyze(declaration));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(offendingText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal($"docs/diagnostics.md#{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
    }

    [Theory]
    [InlineData("[Pretext(PretextKind.Rotation), Classification] public partial class Spin : SelfSupervisedMethod;")]
    [InlineData("[Pretext(PretextKind.Rotation), Classification(Hidden = [], LabelSmoothing = 0.0)] public partial class Spin : SelfSupervisedMethod;")]
    [InlineData("[Pretext(PretextKind.Rotation), Classification(Hidden = [1], LabelSmoothing = 0.999)] public partial class Spin : SelfSupervisedMethod;")]
    public async Task A_good_declaration_is_not_reported(string declaration)
    {
        Assert.Empty(await Analyze(declaration));
    }

    [Fact]
    public async Task Every_message_says_what_to_do()
    {
        var missing = Assert.Single(await Analyze("[Pretext(PretextKind.Rotation)] public partial class Spin : SelfSupervisedMethod;"));

        Assert.Equal("'Spin' declares a pretext task but no objective: add an objective such as [Classification]", missing.GetMessage());
    }

    /// <summary>The SelfishGen diagnostics of <paramref name="declaration"/> (compiler errors it causes must not hide them).</summary>
    internal static async Task<Diagnostic[]> Analyze(string declaration)
    {
        var compilation = TestCompilation.Create($"using SelfishGen;\n\nnamespace Demo;\n\n{declaration}\n");
        DiagnosticAnalyzer[] analyzers = [new DeclarationAnalyzer(), new HyperparameterAnalyzer()];
        var diagnostics = await compilation.WithAnalyzers([.. analyzers]).GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics.Where(d => d.Id.StartsWith("SSG", StringComparison.Ordinal))];
    }
}
