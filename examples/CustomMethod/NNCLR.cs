using SelfishGen;

namespace CustomMethod;

/// <summary>
/// Learns features by contrasting each view's prediction with the nearest neighbour of the other view's embedding
/// among past embeddings (Dwibedi et al., 2021, "With a Little Help from My Friends: Nearest-Neighbor Contrastive
/// Learning of Visual Representations"). Not built in: views, objective and support queue are declared here.
/// </summary>
[Views(typeof(SmallImageView), typeof(SmallImageView))]
[Projector(Hidden = [512], Out = 128)]
[Predictor(Hidden = [512])]
[Objective(typeof(NnclrLoss), Temperature = 0.1, Queue = 8192)]
public partial class NNCLR : SelfSupervisedMethod;
