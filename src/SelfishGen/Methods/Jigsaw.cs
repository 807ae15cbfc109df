namespace SelfishGen.Methods;

/// <summary>
/// Learns features by solving jigsaw puzzles: predicting which permutation shuffled an image's grid of patches
/// (Noroozi and Favaro, 2016, "Unsupervised Learning of Visual Representations by Solving Jigsaw Puzzles").
/// </summary>
[Pretext(PretextKind.Jigsaw, Grid = 2)]
[Classification]
public partial class Jigsaw : SelfSupervisedMethod;
