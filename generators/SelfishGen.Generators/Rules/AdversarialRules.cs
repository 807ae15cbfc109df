using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// The checks of an adversarial loss: an inpainting pretext whose completions the discriminator judges (SSG051), and
/// <c>[Adversarial]</c> together with the <c>AdversarialMethod</c> base class (SSG052).
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

        var pretext = type.FindAttribute([KnownNames.PretextAttribute]);
        var kind = pretext is null ? null : PretextTypes.Kind(pretext);
        if (kind != "Inpaint")
            yield return new Problem(DiagnosticDescriptors.AdversarialWithoutInpaint, adversarial.Location(cancellationToken) ?? name, type.Name,
                kind is null ? "it declares no pretext task" : $"a {kind} pretext makes none");
    }
}
