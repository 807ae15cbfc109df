using System.Collections.Generic;
using System.Linq;
using SelfishGen.Generators.Diagnostics;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>Every hyperparameter that SelfishGen attributes declare, with its rule: one row per attribute property.</summary>
internal static class HyperparameterTable
{
    /// <summary><c>[Classification(Hidden = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ClassificationHidden = new(
        KnownNames.ClassificationAttribute,
        "Hidden",
        HyperparameterType.Int32Array,
        "[1024, 256]",
        "Widths of the classification head's hidden layers; empty for a linear head.",
        new ValueRule("Each Hidden width", ValueRange.AtLeast(1)),
        DiagnosticDescriptors.ClassificationHiddenWidth);

    /// <summary><c>[Classification(LabelSmoothing = ...)]</c>.</summary>
    public static readonly HyperparameterDefinition ClassificationLabelSmoothing = new(
        KnownNames.ClassificationAttribute,
        "LabelSmoothing",
        HyperparameterType.Double,
        "0.0",
        "Label smoothing of the cross-entropy, in [0, 1).",
        new ValueRule("LabelSmoothing", ValueRange.HalfOpen(0, 1)),
        DiagnosticDescriptors.ClassificationLabelSmoothing);

    /// <summary>All rows, in the order their properties appear in generated options.</summary>
    public static readonly IReadOnlyList<HyperparameterDefinition> All = [ClassificationHidden, ClassificationLabelSmoothing];

    /// <summary>The rows of the attribute named <paramref name="attribute"/> (a metadata name).</summary>
    public static IEnumerable<HyperparameterDefinition> Of(string attribute) => All.Where(row => row.Attribute == attribute);
}
