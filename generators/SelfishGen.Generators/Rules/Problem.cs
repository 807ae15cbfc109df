using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Rules;

/// <summary>Something wrong with how a declaration is composed: what the analyzer reports, and why the generator skips it.</summary>
/// <param name="Descriptor">The diagnostic.</param>
/// <param name="Location">Where it is reported.</param>
/// <param name="Arguments">The message's arguments.</param>
internal sealed record Problem(DiagnosticDescriptor Descriptor, Location Location, params object[] Arguments)
{
    /// <summary>The diagnostic to report.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);
}
