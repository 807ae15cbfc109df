using SelfishGen.Data;
using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// Tells whether pre-training helped: compares a trained encoder with a randomly-initialised one of the same
/// architecture, and with raw pixels, by kNN (k = 200 and 20) and linear-probe accuracy on a labelled test set.
/// </summary>
public static class EncoderEvaluation
{
    /// <summary>Row name of the trained encoder.</summary>
    public const string Trained = "pre-trained";

    /// <summary>Row name of the randomly-initialised encoder.</summary>
    public const string RandomInit = "random init";

    /// <summary>Row name of the raw-pixel baseline (flattened images; kNN only).</summary>
    public const string RawPixels = "raw pixels";

    /// <summary>Evaluates both encoders and raw pixels; the rows come in that order.</summary>
    /// <param name="trained">The pre-trained encoder, images (N, C, H, W) → features (N, D).</param>
    /// <param name="randomInit">A freshly initialised encoder of the same architecture as <paramref name="trained"/>.</param>
    /// <param name="train">Labelled images the kNN bank and linear probes are built from.</param>
    /// <param name="test">Labelled images the accuracies are measured on.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="baselines">
    /// Where the random-init and raw-pixel rows are kept, or null to compute both: a table of many encoders on one
    /// dataset computes each once (random init once per initial weights).
    /// </param>
    public static EvaluationReport Compare(
        nn.Module<Tensor, Tensor> trained,
        nn.Module<Tensor, Tensor> randomInit,
        IImageDataset train,
        IImageDataset test,
        EncoderEvaluationOptions? options = null,
        BaselineRowCache? baselines = null)
    {
        RequireSameArchitecture(trained, randomInit);
        options ??= new EncoderEvaluationOptions();
        using var pixels = nn.Flatten();
        EvaluationRow Baseline(string name, nn.Module<Tensor, Tensor> encoder, bool probe) => baselines is null
            ? Evaluate(name, encoder, train, test, options, probe)
            : baselines.GetOrCompute(name, encoder, train, test, options, () => Evaluate(name, encoder, train, test, options, probe));
        return new EvaluationReport(
        [
            Evaluate(Trained, trained, train, test, options, probe: true),
            Baseline(RandomInit, randomInit, probe: true),
            Baseline(RawPixels, pixels, probe: false),
        ]);
    }

    /// <summary>
    /// The raw-pixel row alone: kNN on the flattened images, which depends on the data and settings only (on 50,000
    /// CIFAR-10 images, 3,072 values each, its neighbour search costs more than extracting an encoder's features).
    /// </summary>
    public static EvaluationRow RawPixelBaseline(IImageDataset train, IImageDataset test, EncoderEvaluationOptions? options = null)
    {
        using var pixels = nn.Flatten();
        return Evaluate(RawPixels, pixels, train, test, options ?? new EncoderEvaluationOptions(), probe: false);
    }

    private static EvaluationRow Evaluate(
        string name, nn.Module<Tensor, Tensor> encoder, IImageDataset train, IImageDataset test, EncoderEvaluationOptions options, bool probe)
    {
        using var trainFeatures = FeatureExtractor.Extract(encoder, train, options.BatchSize);
        using var testFeatures = FeatureExtractor.Extract(encoder, test, options.BatchSize);
        KnnClassifier Knn(int k) => new(k, options.KnnTemperature, options.KnnChunkSize);
        var knn = KnnClassifier.Evaluate([Knn(200), Knn(20)], trainFeatures, testFeatures);
        double? linear = probe ? LinearProbe.Run(trainFeatures, testFeatures, options.LinearProbe).TestAccuracy : null;
        return new EvaluationRow(name, knn[0].Accuracy, knn[1].Accuracy, linear);
    }

    private static void RequireSameArchitecture(nn.Module trained, nn.Module randomInit)
    {
        if (ReferenceEquals(trained, randomInit))
            throw new ArgumentException("The random encoder must be a separate instance from the trained one.", nameof(randomInit));
        static string Layout(nn.Module module) => string.Join(";", module.named_parameters().Select(p => $"{p.name}:{string.Join("x", p.parameter.shape)}"));
        if (trained.GetType() != randomInit.GetType() || Layout(trained) != Layout(randomInit))
            throw new ArgumentException(
                $"The random encoder ({randomInit.GetType().Name}) must have the trained encoder's ({trained.GetType().Name}) architecture.",
                nameof(randomInit));
    }
}
