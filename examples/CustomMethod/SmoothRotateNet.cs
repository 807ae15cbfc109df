using SelfishGen;

namespace CustomMethod;

/// <summary>
/// A user's own method: rotation prediction with a linear head and label smoothing. The declaration is the whole
/// method; the generator writes its options, constructors, head, loss and registry entry, and the analyzers check the
/// values (try <c>LabelSmoothing = 1.5</c>: the build fails with SSG011).
/// </summary>
[Pretext(PretextKind.Rotation)]
[Classification(Hidden = [], LabelSmoothing = 0.05)]
public partial class SmoothRotateNet : SelfSupervisedMethod { }
