using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// Measures how linearly separable frozen features are: fits a linear classifier (softmax regression) on training
/// features standardised by the training set's mean and standard deviation, then scores it on the test features. The
/// fit is full-batch L-BFGS by default, or mini-batch Adam (<see cref="LinearProbeOptions.Solver"/>).
/// </summary>
public static class LinearProbe
{
    private static readonly Scalar MinStd = 1e-6.ToScalar();

    /// <summary>Trains on <paramref name="train"/> and scores on <paramref name="test"/>, on the training features' device.</summary>
    /// <remarks>The classifier starts from zero weights, so the run depends only on the data and <paramref name="options"/>.</remarks>
    public static LinearProbeResult Run(LabelledFeatures train, LabelledFeatures test, LinearProbeOptions? options = null)
    {
        options ??= new LinearProbeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Iterations, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.WeightDecay);
        if (test.Dimension != train.Dimension)
            throw new ArgumentException($"Test features have {test.Dimension} dimensions, training features {train.Dimension}.", nameof(test));

        using var scope = NewDisposeScope();
        var device = train.Features.device;
        var trainFeatures = train.Features.detach().to(float32);
        var mean = trainFeatures.mean([0], keepdim: true);
        var std = trainFeatures.std(0, keepdim: true).clamp_min(MinStd);
        var x = (trainFeatures - mean) / std;
        var y = train.Labels.to(device);

        using var classifier = nn.Linear(train.Dimension, train.ClassCount(), device: device);
        using (no_grad())
            foreach (var parameter in classifier.parameters())
                parameter.zero_();
        var losses = options.Solver == LinearProbeSolver.FullBatch
            ? FitFullBatch(classifier, x, y, options)
            : Train(classifier, x, y, options);

        using (no_grad())
        {
            var testX = (test.Features.to(float32).to(device) - mean) / std;
            var trainAccuracy = ClassificationResult.Score(classifier.call(x).argmax(1), y).Accuracy;
            var testResult = ClassificationResult.Score(classifier.call(testX).argmax(1), test.Labels);
            return new LinearProbeResult(testResult, trainAccuracy, losses);
        }
    }

    // L-BFGS (SoftmaxRegression) on the features whitened (Whitening): the same objective, penalty included, in far
    // fewer iterations than on correlated features; the weights then mapped back and copied into the classifier.
    private static List<double> FitFullBatch(Linear classifier, Tensor x, Tensor y, LinearProbeOptions options)
    {
        using var scope = NewDisposeScope();
        var (whitening, inverses) = Whitening.Of(x);
        using var decay = options.WeightDecay.ToScalar();
        var penalties = options.WeightDecay > 0 ? inverses.mul(decay) : null;
        var (parameters, losses) = SoftmaxRegression.Fit(x.mm(whitening), y, (int)classifier.weight!.shape[0], penalties, options.Iterations);
        var rank = whitening.shape[1];
        using (no_grad())
        {
            classifier.weight.copy_(parameters.narrow(1, 0, rank).mm(whitening.t()));
            classifier.bias!.copy_(parameters.select(1, rank));
        }
        return losses;
    }

    private static List<double> Train(Linear classifier, Tensor x, Tensor y, LinearProbeOptions options)
    {
        using var optimizer = optim.Adam(classifier.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var random = new Random(options.Seed);
        var count = (int)x.shape[0];
        var losses = new List<double>(options.Epochs);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = Enumerable.Range(0, count).ToArray();
            random.Shuffle(order);
            double total = 0;
            for (var start = 0; start < count; start += options.BatchSize)
            {
                using var region = Hosting.NoCollectionRegion.Enter();
                using var step = NewDisposeScope();
                var batch = tensor(order[start..Math.Min(count, start + options.BatchSize)], device: x.device).to(int64);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(classifier.call(x[batch]), y[batch]);
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * batch.shape[0];
            }
            losses.Add(total / count);
        }
        return losses;
    }
}
