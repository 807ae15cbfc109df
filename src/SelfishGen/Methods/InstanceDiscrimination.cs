using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling each image apart from all others: its embedding must match its own entry in a memory
/// bank of every image's embedding (Wu et al., 2018, "Unsupervised Feature Learning via Non-Parametric Instance Discrimination").
/// </summary>
[Views(InstDisc)]
[Projector(Hidden = [1024, 1024], Out = 128)]
[Contrastive(Temperature = 0.07, MemoryBank = 4096, BankMomentum = 0.5)]
[Recipe(Optimizer = OptimizerKind.Sgd, LearningRate = 0.03, ScaleWithBatch = 256, Momentum = 0.9, WeightDecay = 5e-4, Schedule = LrScheduleKind.Cosine, BatchSize = 256)]
public partial class InstanceDiscrimination : SelfSupervisedMethod;
