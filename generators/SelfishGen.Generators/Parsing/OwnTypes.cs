using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Parsing;

/// <summary>One type of the user's own that a declaration names: in which part, through which attribute, and where.</summary>
/// <param name="Role">The part it plays.</param>
/// <param name="Attribute">The attribute that names it.</param>
/// <param name="Index">Its position among the attribute's constructor arguments.</param>
/// <param name="Type">The type.</param>
internal sealed record DeclaredOwnType(OwnTypeRole Role, AttributeData Attribute, int Index, ITypeSymbol Type)
{
    /// <summary>Where its <c>typeof(...)</c> is written; null for attributes from metadata.</summary>
    public Location? Location(CancellationToken cancellationToken) =>
        ((Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments
            .Where(argument => argument.NameEquals is null)
            .ElementAtOrDefault(Index)?.Expression ?? (SyntaxNode?)Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken))?.GetLocation();
}

/// <summary>Finds and reads the types of the user's own that a declaration names (<see cref="OwnTypeRole"/>).</summary>
internal static class OwnTypes
{
    /// <summary>Every type of the user's own that <paramref name="method"/>'s declaration names, in attribute order.</summary>
    public static IEnumerable<DeclaredOwnType> Declared(INamedTypeSymbol method) =>
        from role in new[] { OwnTypeRole.View, OwnTypeRole.Objective, OwnTypeRole.Backbone }
        let attribute = method.FindAttribute([role.Attribute])
        where attribute is not null
        from pair in TypeArguments(attribute).Select((type, index) => (type, index))
        select new DeclaredOwnType(role, attribute, pair.index, pair.type);

    /// <summary>The types among <paramref name="attribute"/>'s constructor arguments (single or <c>params</c>), in order.</summary>
    public static IEnumerable<ITypeSymbol> TypeArguments(AttributeData attribute) =>
        attribute.ConstructorArguments
            .SelectMany(argument => argument.Kind == TypedConstantKind.Array ? argument.Values : [argument])
            .Where(argument => argument.Kind == TypedConstantKind.Type)
            .Select(argument => argument.Value)
            .OfType<ITypeSymbol>();

    /// <summary>The user's types in <paramref name="role"/> in <paramref name="method"/>'s declaration, as the model holds them.</summary>
    /// <remarks>Call it on declarations that pass <see cref="Rules.OwnTypeRules"/>: each type has a constructor to call.</remarks>
    public static IEnumerable<OwnType> Read(INamedTypeSymbol method, OwnTypeRole role) =>
        Declared(method).Where(declared => declared.Role == role).Select(declared => Lower(declared.Type, role));

    /// <summary>Whether <paramref name="type"/> implements or derives from what <paramref name="role"/> needs.</summary>
    public static bool Fits(ITypeSymbol type, OwnTypeRole role) =>
        type.AllInterfaces.Any(face => face.ToDisplayString() == role.Base)
        || (type is INamedTypeSymbol named && named.DerivesFrom(role.Base));

    /// <summary>Whether <paramref name="type"/> has a public constructor the generated code can call in <paramref name="role"/>.</summary>
    public static bool Constructible(ITypeSymbol type, OwnTypeRole role) =>
        TakesArgument(type, role) || (!role.ArgumentRequired && (type.IsValueType || PublicConstructors(type).Any(constructor => constructor.Parameters.All(Optional))));

    /// <summary>Whether <paramref name="type"/> is a TorchSharp module.</summary>
    public static bool IsModule(ITypeSymbol type) => type is INamedTypeSymbol named && named.DerivesFrom(KnownNames.Module);

    private static OwnType Lower(ITypeSymbol type, OwnTypeRole role) =>
        new(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), TakesArgument(type, role), IsModule(type));

    // A public constructor whose first parameter is the role's argument, and whose others may be left out.
    private static bool TakesArgument(ITypeSymbol type, OwnTypeRole role) =>
        PublicConstructors(type).Any(constructor => constructor.Parameters.Length >= 1
            && constructor.Parameters[0].Type.ToDisplayString() == role.Argument && constructor.Parameters.Skip(1).All(Optional));

    private static bool Optional(IParameterSymbol parameter) => parameter.IsOptional || parameter.IsParams;

    private static IEnumerable<IMethodSymbol> PublicConstructors(ITypeSymbol type) =>
        (type as INamedTypeSymbol)?.InstanceConstructors.Where(constructor => constructor.DeclaredAccessibility == Accessibility.Public) ?? [];
}
