using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Reports every attribute argument outside the range of its <see cref="HyperparameterTable"/> rule, on the argument
/// itself (e.g. <c>LabelSmoothing = 1.0</c>), with the message the generated <c>Validate()</c> gives at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HyperparameterAnalyzer : NamedTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [.. HyperparameterTable.All.Select(definition => definition.Diagnostic).OfType<DiagnosticDescriptor>().Distinct()];

    /// <inheritdoc />
    protected override void Analyze(SymbolAnalysisContext context)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() is not { } attributeName)
                continue;
            foreach (var definition in HyperparameterTable.Of(attributeName))
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
