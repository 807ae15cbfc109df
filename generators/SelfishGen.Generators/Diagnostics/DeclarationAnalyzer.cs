using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Parsing;
using SelfishGen.Generators.Rules;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Checks the shape of method declarations: partial (SSG001), deriving from <c>SelfSupervisedMethod</c> (SSG002), and
/// composed of pieces that fit together (<see cref="CompositionRules"/>). Reports on the class name or the attribute at fault.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : ClassAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.NotAMethod, DiagnosticDescriptors.MissingPiece,
        DiagnosticDescriptors.QueueAndMemoryBank, DiagnosticDescriptors.TooFewViews, DiagnosticDescriptors.BatchNormGroupsWithoutMomentum, DiagnosticDescriptors.PredictorWithoutTarget,
        DiagnosticDescriptors.TwoObjectives, DiagnosticDescriptors.TooManyPermutations, DiagnosticDescriptors.PretextArgumentNotUsed,
        DiagnosticDescriptors.PretextObjectiveMismatch, DiagnosticDescriptors.AdversarialWithoutInpaint, DiagnosticDescriptors.AdversarialBase,
        DiagnosticDescriptors.AdversarialWeightAlone,
    ];

    /// <inheritdoc />
    protected override void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.FindAttribute(KnownNames.MethodAttributes) is null)
            return;

        var name = type.Locations.First();
        if (!type.IsPartial(context.CancellationToken))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotPartial, name, type.Name));
        if (!type.DerivesFromSelfSupervisedMethod())
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotAMethod, name, type.Name));
        foreach (var problem in CompositionRules.Check(type, context.CancellationToken))
            context.ReportDiagnostic(problem.ToDiagnostic());
    }
}
