using System.Globalization;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests;

/// <summary>
/// The <c>[Recipe]</c> table agrees with the runtime: each property exists on <see cref="RecipeAttribute"/> and
/// <see cref="TrainingRecipe"/> with the same default, and each rule gives <see cref="TrainingRecipe.Validate"/>'s message.
/// </summary>
public class RecipeTableTests
{
    public static TheoryData<string> Properties => [.. RecipeTable.All.Select(row => row.Property)];

    [Theory]
    [MemberData(nameof(Properties))]
    public void Each_default_is_the_attribute_and_the_library_default(string property)
    {
        var row = RecipeTable.All.Single(r => r.Property == property);
        var library = typeof(TrainingRecipe).GetProperty(property)!.GetValue(TrainingRecipe.Default);

        Assert.Equal(row.Default, Literal(library));
        if (library is not null) // unset (null) in the library: the attribute's value is never read when not declared
            Assert.Equal(row.Default, Literal(typeof(RecipeAttribute).GetProperty(property)!.GetValue(new RecipeAttribute())));
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void Each_rule_gives_the_runtime_message(string property)
    {
        var row = RecipeTable.All.Single(r => r.Property == property);
        if (row.Rule is not { } rule)
            return; // an enum: any member is valid
        var invalid = rule.Range.Minimum is { } min ? min - 1 : rule.Range.Maximum!.Value + 1;
        var target = typeof(TrainingRecipe).GetProperty(property)!;
        var recipe = TrainingRecipe.Default with { };
        var type = Nullable.GetUnderlyingType(target.PropertyType) ?? target.PropertyType;
        target.SetValue(recipe, Convert.ChangeType(invalid, type, CultureInfo.InvariantCulture));

        Assert.Equal([rule.Message(CSharpLiterals.Number(invalid))], recipe.Validate());
    }

    [Fact]
    public void A_method_without_a_recipe_keeps_the_library_default()
    {
        var source = GeneratorRun.Of(TestCompilation.Create(Declarations.SpinNet())).Source("Demo.SpinNet.g.cs");

        Assert.DoesNotContain("Recipe", source);
    }

    [Fact]
    public void A_declared_recipe_lists_only_what_it_sets()
    {
        var source = GeneratorRun.Of(TestCompilation.Create(Declarations.Library("ContextNet"))).Source("SelfishGen.Methods.ContextNet.g.cs");

        Assert.Contains("Optimizer = global::SelfishGen.OptimizerKind.Adam,\n            LearningRate = 0.001,\n            Beta1 = 0.5,\n            BatchSize = 64,\n        },", source);
        Assert.Contains("public override global::SelfishGen.TrainingRecipe Recipe => Descriptor.Recipe;", source);
    }

    [Fact]
    public void Lars_settings_reach_the_descriptor_and_compile()
    {
        var declaration = Declarations.SpinNet().Replace(
            "public partial class SpinNet", "[Recipe(Optimizer = OptimizerKind.Lars, LarsTrust = 0.02, LarsClip = true)]\npublic partial class SpinNet");
        var run = GeneratorRun.Of(TestCompilation.Create(declaration));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        Assert.Contains("LarsTrust = 0.02,\n            LarsClip = true,\n        },", run.Source("Demo.SpinNet.g.cs"));
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        double number => CSharpLiterals.Double(number),
        int number => CSharpLiterals.Int32(number),
        bool flag => flag ? "true" : "false",
        Enum member => member.ToString(),
        _ => throw new ArgumentException($"Unexpected value {value}"),
    };
}
