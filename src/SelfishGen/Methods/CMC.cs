using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by matching an image's lightness (L) and colour (ab) channels, each seen by its own encoder, each
/// against the other's memory bank (Tian et al., 2020, "Contrastive Multiview Coding"). Needs colour images.
/// </summary>
[Views(Cmc)]
[LabEncoders]
[Projector(Hidden = [1024, 1024], Out = 128, PerView = true)]
[Contrastive(Temperature = 0.07, MemoryBank = 16384, BankMomentum = 0.5)]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.03, ScaleWithBatch = 256, Momentum = 0.9, WeightDecay = 1e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 256)]
public partial class CMC : SelfSupervisedMethod;
