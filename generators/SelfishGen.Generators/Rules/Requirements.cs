using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// Which pieces need which others. The analyzer reports each unmet requirement (SSG003); the parser generates
/// nothing for a declaration with one.
/// </summary>
internal static class Requirements
{
    private static readonly string[] PretextObjectives = KnownNames.PretextObjectiveAttributes;

    private static readonly string[] ViewObjectives = KnownNames.ViewObjectiveAttributes;

    private static readonly string[] ViewPieces =
    [
        KnownNames.ProjectorAttribute, KnownNames.PredictorAttribute, KnownNames.MomentumEncoderAttribute, KnownNames.LabEncodersAttribute,
    ];

    /// <summary>Every requirement.</summary>
    public static readonly IReadOnlyList<Requirement> All =
    [
        new(PretextObjectives, "an objective", [KnownNames.PretextAttribute], "pretext task",
            "[Pretext(...)] to say how inputs and targets are made"),
        new([KnownNames.PretextAttribute], "a pretext task", [.. PretextObjectives, KnownNames.AdversarialAttribute], "objective",
            "an objective such as [Classification] or [Reconstruction]"),
        new(ViewPieces, "heads", ViewObjectives, "objective",
            "an objective such as [Contrastive] or [Bootstrap]"),
        // Views alone: with heads as well, the requirement above names the missing objective.
        new([KnownNames.ViewsAttribute], "views", [.. ViewObjectives, KnownNames.PretextAttribute, .. ViewPieces], "objective or pretext task",
            "an objective such as [Contrastive], or a [Pretext(...)] whose images the view augments"),
        new(ViewObjectives, "an objective on views", [KnownNames.ViewsAttribute], "views",
            "[Views(...)] to say how each image is augmented"),
        new(ViewObjectives, "an objective on embeddings", [KnownNames.ProjectorAttribute], "projector",
            "[Projector] to map features to embeddings"),
        new([KnownNames.BootstrapAttribute], "a bootstrap objective", [KnownNames.PredictorAttribute], "predictor",
            "[Predictor] to predict one view's embedding from the other's"),
        new([KnownNames.BackboneAttribute], "a backbone", [.. KnownNames.EntryAttributes], "objective",
            "an objective such as [Classification] or [Contrastive]"),
        new([KnownNames.DinoAttribute], "a DINO objective", [KnownNames.MomentumEncoderAttribute], "teacher",
            "[MomentumEncoder(Momentum = 0.996, Cosine = true)] as the teacher"),
    ];

    /// <summary>The requirements <paramref name="type"/>'s declaration leaves unmet.</summary>
    public static IEnumerable<Requirement> Unmet(INamedTypeSymbol type) =>
        All.Where(requirement => type.FindAttribute(requirement.Declared) is not null && type.FindAttribute(requirement.Needed) is null);
}
