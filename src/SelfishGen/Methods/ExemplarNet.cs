using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling apart thousands of images, each its own class, under heavy augmentation (Dosovitskiy et
/// al., 2014, "Discriminative Unsupervised Feature Learning with Convolutional Neural Networks").
/// </summary>
[Pretext(Exemplar, Classes = 8000)]
[Classification]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.01, Momentum = 0.9, WeightDecay = 5e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 128)]
public partial class ExemplarNet : SelfSupervisedMethod;
