using static SelfishGen.ViewAugmentation;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by making the cross-correlation of two views' embeddings the identity: invariant, and without
/// redundancy between dimensions (Zbontar et al., 2021, "Barlow Twins: Self-Supervised Learning via Redundancy Reduction").
/// </summary>
[Views(ByolView1, ByolView2)]
[Projector(Hidden = [2048, 2048], Out = 2048)]
[BarlowTwins(Lambda = 0.005)]
public partial class BarlowTwins : SelfSupervisedMethod;
