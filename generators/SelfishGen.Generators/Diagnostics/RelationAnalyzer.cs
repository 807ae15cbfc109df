using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Reports every <see cref="RelationTable"/> relation that a method's declared (or default) values break, with the
/// message the runtime check gives: on the last of its operands that is written (e.g. <c>Permutations</c>, the one
/// that must fit the <c>Grid</c>), else on the attribute that declares the views or the first operand. A relation with an operand out of its own range is left to that range's
/// diagnostic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RelationAnalyzer : NamedTypeAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [.. RelationTable.All.Select(relation => relation.Diagnostic).Distinct()];

    /// <inheritdoc />
    protected override void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var options = HyperparameterReader.ReadAll(type).ToDictionary(option => option.Name, option => option.Default);
        foreach (var relation in RelationTable.All.Where(relation => relation.AppliesTo(options.Keys)))
        {
            var values = relation.Operands.ToDictionary(operand => operand, operand => int.Parse(options[operand.Option], CultureInfo.InvariantCulture));
            if (values.Any(value => value.Key.Rule?.Range.Contains(value.Value) == false))
                continue;
            var views = type.FindAttribute([KnownNames.ViewsAttribute]);
            if (relation.ProblemOf(relation.Arguments(views?.ViewCount() ?? 0, operand => values[operand])) is not { } problem)
                continue;
            var written = relation.Operands.AsEnumerable().Reverse()
                .Select(operand => type.FindAttribute([operand.Attribute])?.ArgumentLocation(operand.Property, context.CancellationToken))
                .FirstOrDefault(location => location is not null);
            var declaring = relation.WithViews ? views : type.FindAttribute([relation.Operands[0].Attribute]);
            var location = written ?? declaring?.Location(context.CancellationToken) ?? type.Locations.First();
            context.ReportDiagnostic(Diagnostic.Create(relation.Diagnostic, location, problem));
        }
    }
}
