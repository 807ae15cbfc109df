namespace SelfishGen.Evaluation;

/// <summary>The predicted class of every test image and the fraction predicted correctly.</summary>
/// <param name="Accuracy">Fraction of correct predictions, in [0, 1].</param>
/// <param name="Predictions">Predicted class per test image, in the test set's order.</param>
public sealed record ClassificationResult(double Accuracy, long[] Predictions)
{
    /// <summary>Scores <paramref name="predictions"/> (N) against <paramref name="labels"/> (N).</summary>
    public static ClassificationResult Score(torch.Tensor predictions, torch.Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var predicted = predictions.cpu().to_type(torch.int64);
        var correct = predicted.eq(labels.cpu()).sum().item<long>();
        var count = predicted.shape[0];
        return new ClassificationResult(count == 0 ? 0 : (double)correct / count, predicted.data<long>().ToArray());
    }
}
