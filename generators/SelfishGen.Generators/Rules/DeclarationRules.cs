using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// Everything that keeps a method declaration from being generated: its shape (partial: SSG001; deriving from
/// <c>SelfSupervisedMethod</c>: SSG002; top-level and not generic: SSG004) and its composition: unmet requirements
/// (SSG003), a queue with a memory bank (SSG034), batch-norm groups or a symmetric loss without a momentum encoder (SSG037), a pretext
/// task's contradictions (<see cref="PretextRules"/>), an adversarial loss's (<see cref="AdversarialRules"/>), views
/// and pieces that do not fit the objective on them (<see cref="ViewRules"/>), types of the user's own that do not fit
/// their part (<see cref="OwnTypeRules"/>), a predictor that can collapse (SSG073),
/// two objectives (SSG080).
/// </summary>
/// <remarks>
/// The generator reports these itself rather than an analyzer: a class it does not complete fails to compile
/// (CS0534, <c>ComputeLoss</c> not implemented), and the compiler runs no analyzers on a compilation with errors, so an
/// analyzer's explanation would never be seen.
/// </remarks>
internal static class DeclarationRules
{
    // [Contrastive] arguments about a momentum encoder's keys, with what each does to them (SSG037).
    private static readonly (string Argument, string Use)[] KeyArguments =
    [
        (HyperparameterNames.BatchNormGroups, "shuffles"),
        (HyperparameterNames.SymmetricLoss, "queries both views against"),
    ];

    /// <summary>The problems of <paramref name="type"/>'s declaration; none when it can be generated.</summary>
    public static IEnumerable<Problem> Check(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var name = type.Locations.First();
        if (!type.IsPartial(cancellationToken))
            yield return new Problem(DiagnosticDescriptors.NotPartial, name, type.Name);
        if (!type.DerivesFromSelfSupervisedMethod())
            yield return new Problem(DiagnosticDescriptors.NotAMethod, name, type.Name);
        if (type.ContainingType is not null || type.IsGenericType)
            yield return new Problem(DiagnosticDescriptors.NestedOrGeneric, name, type.Name, type.ContainingType is null ? "generic" : "nested in another type");
        foreach (var requirement in Requirements.Unmet(type))
            yield return new Problem(DiagnosticDescriptors.MissingPiece, name, type.Name, requirement.DeclaredText, requirement.NeededText, requirement.Fix);

        var objectives = type.GetAttributes().Where(attribute => KnownNames.ObjectiveAttributes.Any(attribute.Is)).ToList();
        if (objectives.Count > 1)
        {
            var names = string.Join(", ", objectives.Select(attribute => $"[{attribute.AttributeClass!.Name.Replace("Attribute", "")}]"));
            yield return new Problem(DiagnosticDescriptors.TwoObjectives, objectives[1].Location(cancellationToken) ?? name, type.Name, names);
        }

        if (type.FindAttribute([KnownNames.ContrastiveAttribute]) is { } contrastive)
        {
            var memoryBank = contrastive.NamedArgument(HyperparameterNames.MemoryBank) is not null;
            if (contrastive.NamedArgument(HyperparameterNames.Queue) is not null && memoryBank)
                yield return new Problem(DiagnosticDescriptors.QueueAndMemoryBank, contrastive.ArgumentLocation(HyperparameterNames.MemoryBank, cancellationToken) ?? name, type.Name);
            if (type.FindAttribute([KnownNames.MomentumEncoderAttribute]) is null)
                foreach (var (argument, use) in KeyArguments)
                    if (contrastive.NamedArgument(argument) is not null)
                        yield return new Problem(DiagnosticDescriptors.KeysWithoutMomentum, contrastive.ArgumentLocation(argument, cancellationToken) ?? name, type.Name, argument, use);
        }

        foreach (var problem in PretextRules.Check(type, cancellationToken).Concat(AdversarialRules.Check(type, cancellationToken))
                     .Concat(ViewRules.Check(type, cancellationToken)).Concat(OwnTypeRules.Check(type, cancellationToken)))
            yield return problem;

        // An objective of the user's own decides what its predictions regress onto (NNCLR: nearest neighbours).
        if (type.FindAttribute([KnownNames.PredictorAttribute]) is { } predictor
            && type.FindAttribute([KnownNames.MomentumEncoderAttribute, KnownNames.BootstrapAttribute, KnownNames.ObjectiveAttribute]) is null)
            yield return new Problem(DiagnosticDescriptors.PredictorWithoutTarget, predictor.Location(cancellationToken) ?? name, type.Name);
    }
}
