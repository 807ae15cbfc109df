using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Checks the shape of method declarations: partial (SSG001), deriving from <c>SelfSupervisedMethod</c> (SSG002), with
/// both a pretext task and an objective (SSG003). Reports on the class name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : ClassAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.NotAMethod, DiagnosticDescriptors.MissingPiece];

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
        if (type.FindAttribute(KnownNames.PretextAttributes) is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingPiece, name, type.Name,
                "an objective", "pretext task", "[Pretext(...)] to say how inputs and targets are made"));
        }
        if (type.FindAttribute(KnownNames.ObjectiveAttributes) is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingPiece, name, type.Name,
                "a pretext task", "objective", "an objective such as [Classification]"));
        }
    }
}
