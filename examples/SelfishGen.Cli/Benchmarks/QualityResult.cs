using SelfishGen.Evaluation;

namespace SelfishGen.Cli.Benchmarks;

/// <summary>What pre-training one method did: its losses and throughput, and its encoder's evaluation.</summary>
/// <param name="Method">The method's label.</param>
/// <param name="Backbone">The backbone trained.</param>
/// <param name="Budget">The budget, e.g. "5 min" or "3 epochs".</param>
/// <param name="Steps">Steps trained.</param>
/// <param name="Epochs">Passes over the training images (fractional when the budget ended mid-epoch).</param>
/// <param name="ImagesPerSecond">Training throughput (dataset images; a pretext may multiply them).</param>
/// <param name="StepLosses">Loss of every step.</param>
/// <param name="Evaluation">Trained, random-init and raw-pixel rows.</param>
/// <param name="Monitor">The kNN monitor's readings during pre-training, when it was on.</param>
/// <param name="Recipe">What the method trained with: its recipe after the command's overrides.</param>
/// <param name="Threads">CPU threads it trained with (0 in reports written before this was recorded).</param>
/// <param name="Load">Load average when its evaluation ended (empty in reports written before this was recorded).</param>
/// <param name="EvaluationSeconds">Wall clock of its final evaluation: features, kNN and linear probes (0 in reports
/// written before this was recorded).</param>
/// <param name="CpuSeconds">Process CPU time of pre-training, all threads, kNN monitor readings included: what the
/// gains cost, whatever else ran on the machine (null in reports written before this was recorded).</param>
/// <param name="Seed">Seed of initialisation and data order (null in reports written before this was recorded).</param>
public sealed record QualityResult(
    string Method, string Backbone, string Budget, int Steps, double Epochs, double ImagesPerSecond,
    IReadOnlyList<float> StepLosses, EvaluationReport Evaluation, MonitorLog? Monitor = null, string Recipe = "",
    int Threads = 0, string Load = "", double EvaluationSeconds = 0, double? CpuSeconds = null, int? Seed = null)
{
    /// <summary>The row's name in tables and plots: the method's label, and its seed unless it is the default 0.</summary>
    public string Label => LabelOf(Method, Seed);

    /// <summary>The name of <paramref name="method"/>'s run with <paramref name="seed"/>: "MoCo", "MoCo (seed 1)".</summary>
    public static string LabelOf(string method, int? seed) =>
        seed is { } s && s != 0 ? FormattableString.Invariant($"{method} (seed {s})") : method;

    /// <summary>The pre-trained encoder's row.</summary>
    public EvaluationRow Trained => Row(EncoderEvaluation.Trained);

    /// <summary>The random-init encoder's row.</summary>
    public EvaluationRow RandomInit => Row(EncoderEvaluation.RandomInit);

    /// <summary>The raw-pixel row.</summary>
    public EvaluationRow RawPixels => Row(EncoderEvaluation.RawPixels);

    private EvaluationRow Row(string encoder) => Evaluation.Rows.Single(r => r.Encoder == encoder);
}
