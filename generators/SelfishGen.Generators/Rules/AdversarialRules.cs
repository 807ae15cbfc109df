using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// The checks of an adversarial loss: a pretext task that gives the discriminator something to judge (SSG051),
/// <c>[Adversarial]</c> together with the <c>AdversarialMethod</c> base class (SSG052), and a weight only where there
/// is a reconstruction to weigh it against (SSG053).
/// </summary>
internal static class AdversarialRules
{
    /// <summary>The problems of <paramref name="type"/>'s adversarial loss, or of its base class without one.</summary>
    public static IEnumerable<Problem> Check(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var adversarial = type.FindAttribute([KnownNames.AdversarialAttribute]);
        var name = type.Locations.First();
        var derives = type.DerivesFrom(KnownNames.AdversarialMethod);
        if (adversarial is not null && !derives)
            yield return new Problem(DiagnosticDescriptors.AdversarialBase, name, type.Name, "declares [Adversarial] but does not derive from AdversarialMethod");
        if (adversarial is null && derives)
            yield return new Problem(DiagnosticDescriptors.AdversarialBase, name, type.Name, "derives from AdversarialMethod but declares no [Adversarial]");
        if (adversarial is null)
            yield break;

        var kind = PretextTypes.KindOf(type);
        if (kind is not ("Inpaint" or "Latent"))
            yield return new Problem(DiagnosticDescriptors.AdversarialWithoutInpaint, adversarial.Location(cancellationToken) ?? name, type.Name,
                kind is null ? "declares no pretext task" : $"declares a {kind} pretext");
        if (type.FindAttribute([KnownNames.ReconstructionAttribute]) is null && adversarial.NamedArgument(HyperparameterTable.AdversarialWeight.Property) is not null)
            yield return new Problem(DiagnosticDescriptors.AdversarialWeightAlone, adversarial.ArgumentLocation(HyperparameterTable.AdversarialWeight.Property, cancellationToken) ?? name, type.Name);
    }
}
