using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// The checks of a method on views against the objective on them: a piece or argument the objective does not use
/// (SSG081), and as many views as it compares (SSG035 for too few contrastive views, SSG131 otherwise; DINO's views
/// are a relation with its local crops, SSG114); a pretext task takes one view (SSG132), which BiGAN's adversarial
/// objective does not use (SSG081).
/// </summary>
/// <remarks>
/// What each objective uses is what its emitter wires: a projector per view and Lab encoders only the memory-bank
/// contrast (PIRL, CMC); a momentum encoder the contrast without a memory bank (MoCo), <c>[Bootstrap]</c> (BYOL) and
/// <c>[Dino]</c> (the teacher); a predictor <c>[Bootstrap]</c>; local crops <c>[Dino]</c>; a normalised projector
/// output all but <c>[Dino]</c>. Anything else would be built
/// and then ignored, or not generated at all.
/// </remarks>
internal static class ViewRules
{
    /// <summary>The problems of <paramref name="type"/>'s views and pieces; none without an objective on views.</summary>
    public static IEnumerable<Problem> Check(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.FindAttribute(KnownNames.ViewObjectiveAttributes) is not { } objectiveAttribute)
        {
            foreach (var problem in PretextViewProblems(type, cancellationToken))
                yield return problem;
            yield break;
        }
        var name = type.Locations.First();
        var objective = CompositionReader.Objective(objectiveAttribute);
        var ownObjective = objective == ObjectiveKind.Own ? OwnTypes.TypeArguments(objectiveAttribute).OfType<INamedTypeSymbol>().FirstOrDefault() : null;
        var objectiveText = ownObjective?.Name ?? $"[{objectiveAttribute.AttributeClass!.Name.Replace("Attribute", "")}]";
        var memoryBank = type.FindAttribute([KnownNames.ContrastiveAttribute])?.NamedArgument(HyperparameterNames.MemoryBank) is not null;
        var projector = type.FindAttribute([KnownNames.ProjectorAttribute]);
        var perView = projector?.NamedArgument(HyperparameterNames.PerView)?.Value is true;
        var momentum = type.FindAttribute([KnownNames.MomentumEncoderAttribute]);
        var labEncoders = type.FindAttribute([KnownNames.LabEncodersAttribute]);
        var views = type.FindAttribute([KnownNames.ViewsAttribute]);

        Problem Unused(Location? location, string piece, string users) =>
            new(DiagnosticDescriptors.UnusedPiece, location ?? name, type.Name, piece, objectiveText, users);

        if (perView && !memoryBank)
            yield return Unused(projector!.ArgumentLocation(HyperparameterNames.PerView, cancellationToken), "a projector per view", "[Contrastive(MemoryBank = ...)]");
        if (labEncoders is not null && !(memoryBank && perView))
            yield return Unused(labEncoders.Location(cancellationToken), "[LabEncoders]", "[Contrastive(MemoryBank = ...)] with [Projector(PerView = true)]");
        if (momentum is not null && (memoryBank || objective is ObjectiveKind.BarlowTwins or ObjectiveKind.VicReg))
            yield return Unused(momentum.Location(cancellationToken), "[MomentumEncoder]", "[Contrastive] without a memory bank, [Bootstrap] and [Dino]");
        // Without a momentum encoder, SSG073 explains what a predictor lacks.
        if (type.FindAttribute([KnownNames.PredictorAttribute]) is { } predictor && momentum is not null && objective is not (ObjectiveKind.Bootstrap or ObjectiveKind.Own))
            yield return Unused(predictor.Location(cancellationToken), "[Predictor]", "[Bootstrap]");
        if (projector?.NamedArgument(HyperparameterNames.OutputNorm) is not null && objective == ObjectiveKind.Dino)
            yield return Unused(projector.ArgumentLocation(HyperparameterNames.OutputNorm, cancellationToken), "a normalised projector output", "every objective but [Dino], whose head ends in prototypes");
        if (views?.NamedArgument(HyperparameterTable.LocalCrops.Property) is not null && objective != ObjectiveKind.Dino)
            yield return Unused(views.ArgumentLocation(HyperparameterTable.LocalCrops.Property, cancellationToken), "local crops", "[Dino]");

        // DINO takes any number of views: its teacher's and student's needs depend on LocalCrops, a relation (SSG114).
        if (views is null || objective == ObjectiveKind.Dino)
            yield break;
        var count = views.ViewCount();
        if (objective == ObjectiveKind.Own)
        {
            // The user's objective says how many views it compares with [ViewCount], or takes any number but none.
            var compared = ownObjective?.FindAttribute([KnownNames.ViewCountAttribute])?.ConstructorArguments.FirstOrDefault().Value as int?;
            if (count != (compared ?? count) || count == 0)
                yield return new Problem(DiagnosticDescriptors.ViewCount, views.Location(cancellationToken) ?? name, type.Name, Views(count), objectiveText,
                    compared is { } exact ? Views(exact) : "at least one view");
            yield break;
        }
        // A memory bank with one head takes one view, or two whose losses are averaged; CMC splits its one view into L and ab.
        var sharedBank = memoryBank && !perView;
        var needed = memoryBank && labEncoders is not null ? 1 : 2;
        if (objective == ObjectiveKind.Contrastive && !memoryBank && count < 2)
            yield return new Problem(DiagnosticDescriptors.TooFewViews, views.Location(cancellationToken) ?? name, type.Name, Views(count));
        else if (sharedBank ? count is not (1 or 2) : count != needed)
            yield return new Problem(DiagnosticDescriptors.ViewCount, views.Location(cancellationToken) ?? name, type.Name, Views(count), objectiveText,
                sharedBank ? "one or two views" : Views(needed));
    }

    // A pretext task's view: one, augmenting the images the task is made from; BiGAN's latent task makes no inputs from images.
    private static IEnumerable<Problem> PretextViewProblems(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.FindAttribute([KnownNames.ViewsAttribute]) is not { } views || type.FindAttribute([KnownNames.PretextAttribute]) is null)
            yield break;
        var location = views.Location(cancellationToken) ?? type.Locations.First();
        if (type.FindAttribute(KnownNames.PretextObjectiveAttributes) is null)
        {
            yield return new Problem(DiagnosticDescriptors.UnusedPiece, location, type.Name, "[Views]", "[Adversarial]", PretextObjectivesText);
            yield break;
        }
        if (views.NamedArgument(HyperparameterTable.LocalCrops.Property) is not null)
            yield return new Problem(DiagnosticDescriptors.UnusedPiece, views.ArgumentLocation(HyperparameterTable.LocalCrops.Property, cancellationToken) ?? location,
                type.Name, "local crops", "on a pretext task", "[Dino]");
        if (views.ViewCount() != 1)
            yield return new Problem(DiagnosticDescriptors.PretextViewCount, location, type.Name, Views(views.ViewCount()));
    }

    private const string PretextObjectivesText = "[Classification], [Reconstruction] and [PixelClassification] on a pretext task";

    // "no views", "one view", "two views", "3 views"
    private static string Views(int count) => count switch { 0 => "no views", 1 => "one view", 2 => "two views", _ => $"{count} views" };
}
