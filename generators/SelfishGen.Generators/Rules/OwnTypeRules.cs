using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Diagnostics;
using SelfishGen.Generators.Model;
using SelfishGen.Generators.Parsing;

namespace SelfishGen.Generators.Rules;

/// <summary>
/// The checks of the types of the user's own that a declaration names (<see cref="OwnTypeRole"/>): each can be created
/// (SSG161), implements or derives from what its part needs (SSG160) and has a public constructor of a form the
/// generated code calls (SSG162); a backbone overrides <c>Replicate</c> when a piece copies it (SSG163). (An
/// objective's <c>[ViewCount]</c> against the declared views is <see cref="ViewRules"/>' SSG131.)
/// </summary>
internal static class OwnTypeRules
{
    /// <summary>The problems of the user's types that <paramref name="method"/>'s declaration names.</summary>
    public static IEnumerable<Problem> Check(INamedTypeSymbol method, CancellationToken cancellationToken)
    {
        foreach (var declared in OwnTypes.Declared(method))
        {
            var (role, type) = (declared.Role, declared.Type);
            if (type.TypeKind == TypeKind.Error)
                continue; // the compiler reports a type it cannot find
            var location = declared.Location(cancellationToken) ?? method.Locations.First();
            var name = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            Problem Report(DiagnosticDescriptor descriptor, params object[] details) =>
                new(descriptor, location, [method.Name, name, role.Part, .. details]);

            if (WhyNotCreatable(type) is { } reason)
                yield return Report(DiagnosticDescriptors.OwnTypeNotCreatable, reason);
            else if (!OwnTypes.Fits(type, role))
                yield return Report(DiagnosticDescriptors.OwnTypeKind, role.Base == KnownNames.Backbone ? "derive from" : "implement", role.Base);
            else if (!OwnTypes.Constructible(type, role))
                yield return Report(DiagnosticDescriptors.OwnTypeConstructor,
                    role.ArgumentRequired ? $"an {role.ArgumentName}" : $"an {role.ArgumentName} or nothing",
                    type.Name, $"{role.Argument} {char.ToLowerInvariant(role.ArgumentName[0])}{role.ArgumentName.Substring(1)}");
            else if (role == OwnTypeRole.Backbone && CopyingPiece(method) is { } piece && !OverridesReplicate(type))
                yield return new Problem(DiagnosticDescriptors.OwnBackboneReplicate, location, method.Name, piece, name);
        }
    }

    // Why the generated code cannot write 'new T(...)', or null when it can.
    private static string? WhyNotCreatable(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => "a type parameter",
        INamedTypeSymbol { IsUnboundGenericType: true } => "an open generic type",
        { TypeKind: not (TypeKind.Class or TypeKind.Struct) } => $"an {type.TypeKind.ToString().ToLowerInvariant()}",
        { IsStatic: true } => "static",
        { IsAbstract: true } => "abstract",
        _ when !Visible(type) => "not visible outside the type it is nested in",
        _ => null,
    };

    // Public or internal, and so are the types it is nested in.
    private static bool Visible(ITypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamedTypeSymbol named; symbol = named.ContainingType)
        {
            if (named.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
                return false;
        }
        return true;
    }

    // The piece of the declaration that builds a second backbone like the first: a momentum encoder, or Lab encoders.
    private static string? CopyingPiece(INamedTypeSymbol method) =>
        method.FindAttribute([KnownNames.MomentumEncoderAttribute]) is not null ? "[MomentumEncoder]"
        : method.FindAttribute([KnownNames.LabEncodersAttribute]) is not null ? "[LabEncoders]"
        : PretextTypes.KindOf(method) == "ColorSplit" ? "a ColorSplit pretext task"
        : null;

    private static bool OverridesReplicate(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null && current.ToDisplayString() != KnownNames.Backbone; current = current.BaseType)
        {
            if (current.GetMembers("Replicate").OfType<IMethodSymbol>().Any(method => method.IsOverride))
                return true;
        }
        return false;
    }
}
