namespace SelfishGen.Evaluation;

/// <summary>The test accuracies, in [0, 1], of one encoder's features.</summary>
/// <param name="Encoder">What produced the features, e.g. "pre-trained".</param>
/// <param name="Knn200">Weighted kNN accuracy with k = 200.</param>
/// <param name="Knn20">Weighted kNN accuracy with k = 20.</param>
/// <param name="Linear">Linear-probe accuracy, or null when no probe was trained.</param>
public sealed record EvaluationRow(string Encoder, double Knn200, double Knn20, double? Linear);
