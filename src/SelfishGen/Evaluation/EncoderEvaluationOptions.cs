namespace SelfishGen.Evaluation;

/// <summary>Settings of <see cref="EncoderEvaluation.Compare"/>.</summary>
/// <param name="BatchSize">Images per forward pass while extracting features.</param>
/// <param name="KnnTemperature">Temperature of the kNN vote weights.</param>
/// <param name="KnnChunkSize">Test samples per kNN similarity matrix.</param>
/// <param name="LinearProbe">How the linear probes train; null for the defaults.</param>
public sealed record EncoderEvaluationOptions(
    int BatchSize = 256,
    double KnnTemperature = 0.1,
    int KnnChunkSize = 512,
    LinearProbeOptions? LinearProbe = null);
