using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

public class EvaluationReportTests
{
    private static readonly EvaluationReport Report = new(
    [
        new EvaluationRow("pre-trained", 0.8512, 0.86, 0.885),
        new EvaluationRow("raw pixels", 0.3, 0.31, null),
    ]);

    [Fact]
    public void The_table_aligns_percentages_and_dashes_a_missing_probe()
    {
        var expected = string.Join(Environment.NewLine,
            "encoder      kNN@200  kNN@20  linear",
            "pre-trained   85.12%  86.00%  88.50%",
            "raw pixels    30.00%  31.00%       -",
            "");

        Assert.Equal(expected, Report.ToTable());
    }

    [Fact]
    public void Json_round_trips()
    {
        var json = Report.ToJson();
        var read = EvaluationReport.FromJson(json);

        Assert.Contains("\"knn200\": 0.8512", json);
        Assert.Equal(Report.Rows, read.Rows);
    }
}
