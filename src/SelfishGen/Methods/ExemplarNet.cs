using static SelfishGen.PretextKind;

namespace SelfishGen.Methods;

/// <summary>
/// Learns features by telling apart thousands of images, each its own class, under heavy augmentation (Dosovitskiy et
/// al., 2014, "Discriminative Unsupervised Feature Learning with Convolutional Neural Networks").
/// </summary>
[Pretext(Exemplar, Classes = 8000)]
[Classification]
public partial class ExemplarNet : SelfSupervisedMethod;
