namespace SelfishGen.Methods;

/// <summary>
/// Learns features by solving jigsaw puzzles: predicting which permutation shuffled an image's grid of patches, each
/// patch encoded on its own (Noroozi and Favaro, 2016, "Unsupervised Learning of Visual Representations by Solving
/// Jigsaw Puzzles").
/// </summary>
[Pretext(PretextKind.Jigsaw, Grid = 2, TileByTile = true)]
[Classification]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.01, Momentum = 0.9, WeightDecay = 5e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 256)]
public partial class Jigsaw : SelfSupervisedMethod;
