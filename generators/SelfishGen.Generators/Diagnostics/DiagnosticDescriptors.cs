using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic SelfishGen reports. Ids are banded: <c>SSG001</c>–<c>SSG009</c> declaration shape,
/// <c>SSG010</c>–<c>SSG019</c> classification hyperparameters, <c>SSG020</c> and up further hyperparameters
/// (temperature, momentum, queue size, ...). Each id has a section in <c>docs/diagnostics.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Declaration = "SelfishGen.Declaration";
    private const string Hyperparameters = "SelfishGen.Hyperparameters";
    // Relative to the repository root until the project has a public address.
    private const string HelpRoot = "docs/diagnostics.md#";

    /// <summary>SSG001: a class with SelfishGen method attributes is not <c>partial</c>.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Error(
        "SSG001",
        Declaration,
        "Method class must be partial",
        "'{0}' declares a SelfishGen method but is not partial, so no code can be generated for it: add the 'partial' modifier");

    /// <summary>SSG002: a class with SelfishGen method attributes does not derive from <c>SelfSupervisedMethod</c>.</summary>
    public static readonly DiagnosticDescriptor NotAMethod = Error(
        "SSG002",
        Declaration,
        "Method class must derive from SelfSupervisedMethod",
        "'{0}' declares a SelfishGen method but does not derive from SelfishGen.SelfSupervisedMethod: add ': SelfSupervisedMethod' to its declaration");

    /// <summary>SSG003: a method declares a pretext task without an objective, or an objective without a pretext task.</summary>
    public static readonly DiagnosticDescriptor MissingPiece = Error(
        "SSG003",
        Declaration,
        "Method declaration is missing a piece",
        "'{0}' declares {1} but no {2}: add {3}");

    /// <summary>SSG010: a hidden layer of the classification head has a width below 1.</summary>
    public static readonly DiagnosticDescriptor ClassificationHiddenWidth = Error(
        "SSG010",
        Hyperparameters,
        "Classification head widths must be at least 1",
        "{0}");

    /// <summary>SSG011: the classification label smoothing lies outside [0, 1).</summary>
    public static readonly DiagnosticDescriptor ClassificationLabelSmoothing = Error(
        "SSG011",
        Hyperparameters,
        "Label smoothing must be in [0, 1)",
        "{0}");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpRoot + id.ToLowerInvariant());
}
