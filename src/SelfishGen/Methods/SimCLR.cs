using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling which two augmented views in a batch come from the same image (Chen et al., 2020,
/// "A Simple Framework for Contrastive Learning of Visual Representations").
/// </summary>
[Views(SimClr, SimClr)]
[Projector(Hidden = [2048], Out = 128)]
[Contrastive(Temperature = 0.5)]
public partial class SimCLR : SelfSupervisedMethod;
