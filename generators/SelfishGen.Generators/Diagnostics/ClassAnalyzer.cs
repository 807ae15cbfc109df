using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>An analyzer that looks at each declared type once, in user code only, concurrently.</summary>
public abstract class ClassAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
    }

    /// <summary>Reports the diagnostics of the type <paramref name="context"/> holds.</summary>
    protected abstract void Analyze(SymbolAnalysisContext context);
}
