namespace SelfishGen.Methods;

/// <summary>
/// Learns features by predicting, from a grid of patch features, the features of patches a few rows ahead, in all
/// four directions, against the other patches of the batch (Hénaff et al., 2020, "Data-Efficient Image Recognition
/// with Contrastive Predictive Coding").
/// </summary>
[PredictiveCoding(Grid = 7, Steps = 3, ContextWidth = 256)]
[Recipe(Optimizer = OptimizerKind.Adam, LearningRate = 2e-4, BatchSize = 64)]
public partial class CPC : SelfSupervisedMethod;
