using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Emit;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>
/// A relation between hyperparameters, or between hyperparameters and the number of declared views, that a runtime
/// class checks in its constructor through a static method returning the problem (e.g. <c>CpcLoss.GridProblem</c>).
/// The generated <c>Options.Validate()</c> calls that method; the analyzer reports its compile-time twin,
/// <see cref="ProblemOf"/>, on the declared values. Both give the same message; a test keeps the twins agreeing.
/// </summary>
/// <param name="Operands">The options it relates, in the order of the runtime check's arguments.</param>
/// <param name="WithViews">Whether the runtime check takes the number of declared views before the operands.</param>
/// <param name="RuntimeCheck">The fully qualified static method that returns the problem, or null when the values fit.</param>
/// <param name="ProblemOf">The compile-time twin of <paramref name="RuntimeCheck"/>, on the same arguments.</param>
/// <param name="Diagnostic">What the analyzer reports; its message is the problem.</param>
internal sealed record HyperparameterRelation(
    HyperparameterDefinition[] Operands,
    bool WithViews,
    string RuntimeCheck,
    Func<IReadOnlyList<int>, string?> ProblemOf,
    DiagnosticDescriptor Diagnostic)
{
    /// <summary>Whether the relation holds among a method's options, named <paramref name="options"/>: when it has every operand.</summary>
    public bool AppliesTo(IEnumerable<string> options) => Operands.All(operand => options.Contains(operand.Option));

    /// <summary>The arguments of the check: the view count, if it takes it, then the operands (option names, or their values).</summary>
    public IReadOnlyList<T> Arguments<T>(T views, Func<HyperparameterDefinition, T> operand) =>
        [.. (WithViews ? [views] : Array.Empty<T>()), .. Operands.Select(operand)];

    /// <summary>The call of the runtime check on a method's options, e.g. <c>CpcLoss.GridProblem(Grid, Steps)</c>.</summary>
    public string Call(int views) => $"{RuntimeCheck}({string.Join(", ", Arguments(CSharpLiterals.Int32(views), operand => operand.Option))})";

    /// <summary>
    /// A C# condition that each operand lies in its own range, e.g. <c>Grid &gt;= 2 &amp;&amp; Steps &gt;= 1</c>: out of it,
    /// the operand's own check reports it, and the relation is not checked.
    /// </summary>
    public string OperandsInRange => string.Join(" && ",
        Operands.Select(operand => operand.Rule is { } rule ? rule.Range.Condition(operand.Option, operand.Type) : "true"));
}
