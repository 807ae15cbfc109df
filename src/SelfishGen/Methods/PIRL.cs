using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features that stay the same when an image is cut up and shuffled: the image's and its jigsaw's embeddings
/// (each with its own head) must both match the image's memory bank entry (Misra and van der Maaten, 2020,
/// "Self-Supervised Learning of Pretext-Invariant Representations").
/// </summary>
[Views(InstDisc, ViewAugmentation.Jigsaw)]
[Projector(Hidden = [1024, 1024], Out = 128, PerView = true)]
[Contrastive(Temperature = 0.07, MemoryBank = 32000, BankMomentum = 0.5)]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.12, ScaleWithBatch = 1024, Momentum = 0.9, WeightDecay = 1e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 256)]
public partial class PIRL : SelfSupervisedMethod;
