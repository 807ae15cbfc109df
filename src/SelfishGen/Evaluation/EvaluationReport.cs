using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SelfishGen.Evaluation;

/// <summary>Test accuracies of several encoders on one dataset, one <see cref="EvaluationRow"/> per encoder.</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationRow> Rows)
{
    /// <summary>How reports and rows are written as JSON.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly string[] Header = ["encoder", "kNN@200", "kNN@20", "linear"];

    /// <summary>The rows as an aligned plain-text table of percentages, a dash where there is no value.</summary>
    public string ToTable()
    {
        var cells = Rows
            .Select(row => new[] { row.Encoder, Percent(row.Knn200), Percent(row.Knn20), row.Linear is { } linear ? Percent(linear) : "-" })
            .Prepend(Header)
            .ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(column => cells.Max(line => line[column].Length)).ToArray();
        var table = new StringBuilder();
        foreach (var line in cells)
        {
            table.Append(line[0].PadRight(widths[0]));
            for (var column = 1; column < line.Length; column++)
                table.Append("  ").Append(line[column].PadLeft(widths[column]));
            table.AppendLine();
        }
        return table.ToString();
    }

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static EvaluationReport FromJson(string json) =>
        JsonSerializer.Deserialize<EvaluationReport>(json, Json) ?? throw new JsonException("The JSON holds no evaluation report.");

    /// <inheritdoc />
    public override string ToString() => ToTable();

    private static string Percent(double accuracy) => (100 * accuracy).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
