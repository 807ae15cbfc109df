using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests;

/// <summary>The pipeline caches: edits that do not change a declaration regenerate nothing.</summary>
public class CachingTests
{
    [Fact]
    public void An_edit_in_another_file_regenerates_nothing()
    {
        var compilation = TestCompilation.Create(Declarations.SpinNet());
        var first = GeneratorRun.Of(compilation);

        var second = first.Then(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", TestCompilation.ParseOptions)));

        AssertNothingRegenerated(second);
    }

    [Fact]
    public void An_edit_in_another_file_regenerates_no_view_method()
    {
        var compilation = TestCompilation.Create(Declarations.Library("MoCo"), Declarations.Library("BYOL"));
        var first = GeneratorRun.Of(compilation);

        var second = first.Then(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", TestCompilation.ParseOptions)));

        Assert.Equal(2, Reasons(second, TrackingNames.Methods).Length);
        AssertNothingRegenerated(second);
    }

    [Fact]
    public void An_edit_inside_the_class_that_keeps_its_declaration_regenerates_nothing()
    {
        var compilation = TestCompilation.Create(Declarations.SpinNet());
        var first = GeneratorRun.Of(compilation);

        var second = first.Then(Edit(compilation, "{\n}", "{\n    private int _steps;\n}"));

        AssertNothingRegenerated(second);
    }

    [Fact]
    public void Changing_a_hyperparameter_regenerates_the_method()
    {
        var compilation = TestCompilation.Create(Declarations.SpinNet(labelSmoothing: "0.1"));
        var first = GeneratorRun.Of(compilation);

        var second = first.Then(Edit(compilation, "LabelSmoothing = 0.1", "LabelSmoothing = 0.2"));

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(second, TrackingNames.Methods));
        Assert.Contains("public double LabelSmoothing { get; init; } = 0.2;", second.Source("Demo.SpinNet.g.cs"));
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_or_locations()
    {
        var run = GeneratorRun.Of(TestCompilation.Create(Declarations.SpinNet(), Declarations.LibraryRotateNet.Replace("RotateNet", "Rotate2")));

        var models = run.Result.TrackedSteps[TrackingNames.Declarations].SelectMany(step => step.Outputs).Select(output => output.Value).ToList();

        // One model per attribute that finds the class: [Pretext] and [Classification], and the library's [Views].
        Assert.Equal(2, models.OfType<MethodModel>().Distinct().Count());
        Assert.Equal(5, models.Count);
        Assert.Empty(models.SelectMany(ModelWalker.ForbiddenObjects));
    }

    [Fact]
    public void The_walker_finds_a_leaked_symbol()
    {
        var compilation = TestCompilation.Create(Declarations.SpinNet());
        var leaky = new LeakyModel("SpinNet", [compilation.GetTypeByMetadataName("Demo.SpinNet")]);

        var found = Assert.Single(ModelWalker.ForbiddenObjects(leaky));
        Assert.StartsWith("LeakyModel.<Types>k__BackingField[0]: ", found);
    }

    // Every model step Cached or Unchanged, and every source output Cached.
    private static void AssertNothingRegenerated(GeneratorRun run)
    {
        foreach (var step in new[] { TrackingNames.Declarations, TrackingNames.Methods, TrackingNames.Registrations })
            Assert.All(Reasons(run, step), reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(
            run.Result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        [.. run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(output => output.Reason)];

    private static Compilation Edit(Compilation compilation, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single();
        var text = tree.GetText();
        var start = text.ToString().IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' is not in the source");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(start, from.Length), to))));
    }

    private sealed record LeakyModel(string Name, object?[] Types);
}
