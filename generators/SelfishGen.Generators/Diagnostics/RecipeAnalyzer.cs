using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Reports a <c>[Recipe]</c> that sets what nothing uses: an optimizer argument of another optimizer (SSG155: momentum
/// for Adam, betas for SGD or LARS, LARS's trust or clip for any other), a frozen last layer on a method without one (SSG155: only DINO's head has it), or
/// a recipe on a class that declares no method (SSG156). Ranges are <see cref="HyperparameterAnalyzer"/>'s.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RecipeAnalyzer : NamedTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.RecipeUnusedArgument, DiagnosticDescriptors.RecipeWithoutMethod];

    /// <inheritdoc />
    protected override void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.FindAttribute([KnownNames.RecipeAttribute]) is not { } recipe)
            return;
        if (type.FindAttribute(KnownNames.MethodAttributes) is null)
        {
            Report(context, DiagnosticDescriptors.RecipeWithoutMethod, recipe.Location(context.CancellationToken), type.Name);
            return;
        }
        var optimizer = recipe.NamedArgument(RecipeTable.Optimizer.Property)?.EnumMemberName() ?? RecipeTable.Optimizer.Default;
        var adam = optimizer is "Adam" or "AdamW";
        var unused = adam ? new[] { RecipeTable.Momentum } : [RecipeTable.Beta1, RecipeTable.Beta2];
        foreach (var argument in unused.Where(row => recipe.NamedArgument(row.Property) is not null))
            ReportUnused(context, recipe, argument.Property, $"the optimizer {optimizer}", adam ? " (Adam has betas)" : " (SGD and LARS have a momentum)");
        if (optimizer != "Lars")
            foreach (var argument in new[] { RecipeTable.LarsTrust, RecipeTable.LarsClip }.Where(row => recipe.NamedArgument(row.Property) is not null))
                ReportUnused(context, recipe, argument.Property, $"the optimizer {optimizer}", " (only LARS has a trust coefficient)");
        if (recipe.NamedArgument(RecipeTable.FreezeLastLayerEpochs.Property) is { Value: > 0 } && type.FindAttribute([KnownNames.DinoAttribute]) is null)
            ReportUnused(context, recipe, RecipeTable.FreezeLastLayerEpochs.Property, "a method without [Dino]", " (only DINO's head has a last layer to freeze)");
    }

    private static void ReportUnused(SymbolAnalysisContext context, AttributeData recipe, string property, string user, string hint) =>
        Report(context, DiagnosticDescriptors.RecipeUnusedArgument,
            recipe.ArgumentLocation(property, context.CancellationToken), context.Symbol.Name, property, user, hint);

    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location? location, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location ?? context.Symbol.Locations.First(), arguments));
}
