using System.Linq;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Rules;

namespace SelfishGen.Generators.Parsing;

/// <summary>Reads which concerns a declaration composes into a <see cref="Composition"/>.</summary>
internal static class CompositionReader
{
    /// <summary>The composition of <paramref name="type"/>, or null when its pretext task is unknown.</summary>
    /// <remarks>Call it on declarations that pass <see cref="Rules.DeclarationRules"/>: exactly one objective, every requirement met.</remarks>
    public static Composition? Read(INamedTypeSymbol type)
    {
        var objective = type.FindAttribute(KnownNames.ObjectiveAttributes) ?? type.FindAttribute([KnownNames.AdversarialAttribute])!;
        string? pretextKind = null;
        if (type.FindAttribute([KnownNames.PretextAttribute]) is { } pretext && (pretextKind = PretextTypes.Kind(pretext)) is null)
            return null;
        var queueHolder = type.FindAttribute([KnownNames.ContrastiveAttribute, KnownNames.ObjectiveAttribute]);
        var negatives = queueHolder?.NamedArgument(HyperparameterNames.Queue) is not null ? NegativesKind.Queue
            : queueHolder?.NamedArgument(HyperparameterNames.MemoryBank) is not null ? NegativesKind.MemoryBank
            : NegativesKind.Batch;
        var projector = type.FindAttribute([KnownNames.ProjectorAttribute]);
        return new Composition(
            Objective(objective),
            pretextKind,
            (type.FindAttribute([KnownNames.ViewsAttribute])?.ViewNames() ?? []).ToEquatableArray(),
            OwnTypes.Read(type, OwnTypeRole.View).ToEquatableArray(),
            projector is not null,
            projector?.NamedArgument(HyperparameterNames.PerView)?.Value is true,
            type.FindAttribute([KnownNames.PredictorAttribute]) is not null,
            type.FindAttribute([KnownNames.MomentumEncoderAttribute]) is not null,
            negatives,
            type.FindAttribute([KnownNames.LabEncodersAttribute]) is not null,
            type.FindAttribute([KnownNames.AdversarialAttribute]) is not null,
            OwnTypes.Read(type, OwnTypeRole.Objective).SingleOrDefault(),
            OwnTypes.Read(type, OwnTypeRole.Backbone).SingleOrDefault());
    }

    /// <summary>The objective the objective attribute <paramref name="objective"/> declares.</summary>
    public static ObjectiveKind Objective(AttributeData objective) => objective.AttributeClass!.ToDisplayString() switch
    {
        KnownNames.ClassificationAttribute => ObjectiveKind.Classification,
        KnownNames.ReconstructionAttribute => ObjectiveKind.Reconstruction,
        KnownNames.PixelClassificationAttribute => ObjectiveKind.PixelClassification,
        KnownNames.AdversarialAttribute => ObjectiveKind.Adversarial,
        KnownNames.ContrastiveAttribute => ObjectiveKind.Contrastive,
        KnownNames.BootstrapAttribute => ObjectiveKind.Bootstrap,
        KnownNames.BarlowTwinsAttribute => ObjectiveKind.BarlowTwins,
        KnownNames.VicRegAttribute => ObjectiveKind.VicReg,
        KnownNames.DinoAttribute => ObjectiveKind.Dino,
        KnownNames.ObjectiveAttribute => ObjectiveKind.Own,
        _ => ObjectiveKind.PredictiveCoding,
    };
}
