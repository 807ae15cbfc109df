using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling which two augmented views in a batch come from the same image (Chen et al., 2020,
/// "A Simple Framework for Contrastive Learning of Visual Representations"), with solo-learn's CIFAR temperature and
/// recipe (the paper's ImageNet recipe gains far less in a short run).
/// </summary>
[Views(SimClr, SimClr)]
[Projector(Hidden = [2048], Out = 128)]
[Contrastive(Temperature = 0.2)]
[Recipe(Optimizer = OptimizerKind.Lars, LearningRate = 0.4, ScaleWithBatch = 256, WeightDecay = 1e-4, LarsTrust = 0.02, LarsClip = true, Schedule = LrScheduleKind.Cosine, WarmupEpochs = 10, BatchSize = 256)]
public partial class SimCLR : SelfSupervisedMethod;
