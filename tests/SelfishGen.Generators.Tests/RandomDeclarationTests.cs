using SelfishGen.Testing;

namespace SelfishGen.Generators.Tests;

/// <summary>
/// Property: every declaration a user can write either gets an SSG error or generates code that compiles, checked on
/// a seeded sample of random declarations from the attribute vocabulary (<see cref="RandomDeclarations"/>), compiled
/// together with the generator and the analyzers. The runtime tests train the accepted ones of the same sample.
/// </summary>
public class RandomDeclarationTests
{
    private const int Count = 800;

    // Compiled once for the tests of this class.
    private static readonly Lazy<Task<(IReadOnlyList<DeclarationVerdict> Verdicts, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> Unassigned)>> Compiled =
        new(() => SampleCompilation.Check(RandomDeclarations.Sample(Count)));

    [Fact]
    public async Task Every_declaration_is_rejected_with_an_SSG_error_or_generates_code_that_compiles()
    {
        var (verdicts, unassigned) = await Compiled.Value;

        Assert.Empty(unassigned);
        var broken = verdicts.Where(verdict => verdict.Accepted && verdict.CompileErrors.Count > 0).ToList();
        Assert.True(broken.Count == 0,
            $"{broken.Count} of {Count} declarations (seed {RandomDeclarations.Seed}) have no SSG error but their generated code does not compile:\n\n{string.Join("\n\n", broken)}");
    }

    [Fact]
    public async Task The_sample_holds_accepted_and_rejected_declarations_of_every_family()
    {
        var (verdicts, _) = await Compiled.Value;

        Assert.InRange(verdicts.Count(verdict => verdict.Accepted), Count / 10, Count * 9 / 10);
        Assert.All(RandomDeclarations.PretextObjectives.Concat(RandomDeclarations.ViewObjectives).Append("PredictiveCoding"), objective =>
            Assert.Contains(verdicts, verdict => verdict.Accepted && verdict.Declaration.Attributes.Any(a => a.StartsWith($"[{objective}", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task The_sample_names_types_of_its_own_that_fit_and_that_do_not()
    {
        var (verdicts, _) = await Compiled.Value;

        Assert.All(["[Views(typeof(", "[Objective(typeof(", "[Backbone(typeof("], attribute =>
            Assert.Contains(verdicts, verdict => verdict.Accepted && verdict.Declaration.Attributes.Any(a => a.StartsWith(attribute, StringComparison.Ordinal))));
        Assert.All(["SSG160", "SSG162"], id => Assert.Contains(verdicts, verdict => verdict.SelfishErrors.Any(error => error.Id == id)));
    }

    [Fact]
    public void The_sampler_writes_every_method_attribute()
    {
        var known = KnownNames.MethodAttributes.Select(name => name["SelfishGen.".Length..^"Attribute".Length]);

        Assert.Equal(known.Order(), RandomDeclarations.Vocabulary.Order());
    }

    [Fact]
    public void The_sampler_pairs_every_pretext_task_with_the_objective_its_targets_need()
    {
        Assert.All(Enum.GetValues<PretextKind>(), kind =>
            Assert.Equal(Parsing.PretextTypes.ObjectiveOf(kind.ToString()).ToString(), RandomDeclarations.PretextObjective[kind]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_declarations()
    {
        Assert.Equal(RandomDeclarations.Sample(50).Select(d => d.Source), RandomDeclarations.Sample(50).Select(d => d.Source));
        Assert.NotEqual(RandomDeclarations.Sample(50).Select(d => d.Source), RandomDeclarations.Sample(50, seed: 17).Select(d => d.Source));
    }
}
