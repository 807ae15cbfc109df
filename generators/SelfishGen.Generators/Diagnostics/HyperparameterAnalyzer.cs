using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Reports every attribute argument outside the range of its <see cref="HyperparameterTable"/> or
/// <see cref="RecipeTable"/> rule, on the argument itself (e.g. <c>LabelSmoothing = 1.0</c>), with the message the
/// generated <c>Validate()</c> (or <c>TrainingRecipe.Validate()</c>) gives at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HyperparameterAnalyzer : NamedTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [.. Rows.Select(definition => definition.Diagnostic).OfType<DiagnosticDescriptor>().Distinct()];

    private static readonly ImmutableArray<HyperparameterDefinition> Rows = [.. HyperparameterTable.All, .. RecipeTable.All];

    /// <inheritdoc />
    protected override void Analyze(SymbolAnalysisContext context)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() is not { } attributeName)
                continue;
            foreach (var definition in Rows.Where(row => row.Attribute == attributeName))
            {
                if (definition is not { Rule: { } rule, Diagnostic: { } descriptor }
                    || attribute.NamedArgument(definition.Property) is not { } value
                    || rule.FirstViolation(value.Numbers()) is not { } invalid)
                    continue;
                var location = attribute.ArgumentLocation(definition.Property, context.CancellationToken) ?? context.Symbol.Locations.First();
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, rule.Message(CSharpLiterals.Number(invalid))));
            }
        }
    }
}
