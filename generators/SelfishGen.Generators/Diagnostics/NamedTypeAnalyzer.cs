using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>An analyzer of each named type of the user's code (not of generated code), concurrently.</summary>
public abstract class NamedTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
    }

    /// <summary>Reports the diagnostics of the named type <c>context.Symbol</c>.</summary>
    protected abstract void Analyze(SymbolAnalysisContext context);
}
