using System.Collections.Generic;
using System.Linq;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>
/// The values a hyperparameter accepts and the message given for any other. The one source of truth for both the
/// analyzers (compile time) and the generated <c>Options.Validate()</c> (run time), so their messages are the same.
/// </summary>
/// <param name="Subject">What the message is about, e.g. <c>LabelSmoothing</c> or <c>Each Hidden width</c>.</param>
/// <param name="Range">The valid values (of each element, for arrays).</param>
internal sealed record ValueRule(string Subject, ValueRange Range)
{
    /// <summary>The message for the invalid value whose text is <paramref name="value"/>.</summary>
    public string Message(string value) => $"{Subject} must be {Range.Requirement}, not {value}.";

    /// <summary>The first of <paramref name="values"/> outside the range, or null when all are valid.</summary>
    public double? FirstViolation(IEnumerable<double> values) =>
        values.Where(value => !Range.Contains(value)).Select(value => (double?)value).FirstOrDefault();
}
