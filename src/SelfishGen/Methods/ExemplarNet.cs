using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling apart a thousand images, each its own class, under heavy augmentation (Dosovitskiy et al.,
/// 2014, "Discriminative Unsupervised Feature Learning with Convolutional Neural Networks", which uses 8,000).
/// </summary>
[Pretext(Exemplar, Classes = 1000)]
[Classification]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.01, Momentum = 0.9, WeightDecay = 5e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 128)]
public partial class ExemplarNet : SelfSupervisedMethod;
