using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling each image apart from all others: its embedding must match its own entry in a memory
/// bank of every image's embedding (Wu et al., 2018, "Unsupervised Feature Learning via Non-Parametric Instance Discrimination").
/// </summary>
[Views(InstDisc)]
[Projector(Hidden = [1024, 1024], Out = 128)]
[Contrastive(Temperature = 0.07, MemoryBank = 4096, BankMomentum = 0.5)]
public partial class InstanceDiscrimination : SelfSupervisedMethod;
