using SelfishGen;

namespace CustomMethod;

/// <summary>
/// Learns features by predicting the cluster assignment of one view from the other, the assignments balanced over
/// learned prototypes by Sinkhorn–Knopp (Caron et al., 2020, "Unsupervised Learning of Visual Features by Contrasting
/// Cluster Assignments"; two views, no queue). Not built in: views, objective and backbone are declared here.
/// </summary>
[Views(typeof(SmallImageView), typeof(SmallImageView))]
[Backbone(typeof(GroupNormConvNet))]
[Projector(Hidden = [256], Out = 64)]
[Objective(typeof(SwavLoss), Temperature = 0.1)]
public partial class SwAV : SelfSupervisedMethod;
