namespace SelfishGen.Generators.Model;

/// <summary>The concerns a method is composed of: what the emitter wires together. Part of <see cref="MethodModel"/>.</summary>
/// <param name="Objective">The objective.</param>
/// <param name="Pretext">The <c>PretextKind</c> member of the pretext task, or null.</param>
/// <param name="Views">The <c>ViewAugmentation</c> member of each declared view, in order.</param>
/// <param name="Projector">Whether the method has a projector.</param>
/// <param name="ProjectorPerView">Whether each branch has its own projector.</param>
/// <param name="Predictor">Whether the method has a predictor.</param>
/// <param name="Momentum">Whether a momentum encoder follows the backbone and projector.</param>
/// <param name="Negatives">Where the negatives come from.</param>
/// <param name="LabEncoders">Whether the backbone sees L and a second encoder sees ab.</param>
/// <param name="Adversarial">Whether a discriminator judges the method's output, in alternating steps.</param>
internal sealed record Composition(
    ObjectiveKind Objective,
    string? Pretext,
    EquatableArray<string> Views,
    bool Projector,
    bool ProjectorPerView,
    bool Predictor,
    bool Momentum,
    NegativesKind Negatives,
    bool LabEncoders,
    bool Adversarial);
