using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SelfishGen.Generators.Parsing;

/// <summary>Facts about a method class's symbol, shared by the generator and the analyzers.</summary>
internal static class MethodSymbols
{
    /// <summary>Whether <paramref name="attribute"/> is the attribute with metadata name <paramref name="metadataName"/>.</summary>
    public static bool Is(this AttributeData attribute, string metadataName) =>
        attribute.AttributeClass?.ToDisplayString() == metadataName;

    /// <summary>The first attribute of <paramref name="type"/> that is one of <paramref name="metadataNames"/>, or null.</summary>
    public static AttributeData? FindAttribute(this INamedTypeSymbol type, IEnumerable<string> metadataNames) =>
        type.GetAttributes().FirstOrDefault(attribute => metadataNames.Any(attribute.Is));

    /// <summary>Whether any declaration of <paramref name="type"/> has the <c>partial</c> modifier.</summary>
    public static bool IsPartial(this INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>Whether <paramref name="type"/> derives, directly or not, from <c>SelfishGen.SelfSupervisedMethod</c>.</summary>
    public static bool DerivesFromSelfSupervisedMethod(this INamedTypeSymbol type) => type.DerivesFrom(KnownNames.SelfSupervisedMethod);

    /// <summary>Whether <paramref name="type"/> derives, directly or not, from the class named <paramref name="metadataName"/>.</summary>
    public static bool DerivesFrom(this INamedTypeSymbol type, string metadataName)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.ToDisplayString() == metadataName)
                return true;
        }
        return false;
    }

    /// <summary>The value of the named argument <paramref name="property"/> of <paramref name="attribute"/>, if given.</summary>
    public static TypedConstant? NamedArgument(this AttributeData attribute, string property) =>
        attribute.NamedArguments.Where(argument => argument.Key == property).Select(argument => (TypedConstant?)argument.Value).FirstOrDefault();

    /// <summary>Where <paramref name="attribute"/> is applied, e.g. <c>Views(...)</c>; null for attributes from metadata.</summary>
    public static Location? Location(this AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>Where the argument <c>property = value</c> of <paramref name="attribute"/> is written, or null.</summary>
    public static Location? ArgumentLocation(this AttributeData attribute, string property, CancellationToken cancellationToken) =>
        (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.ValueText == property)?
            .GetLocation();

    /// <summary>The member names of the enum values in the constructor arguments of <paramref name="attribute"/> (single or <c>params</c>).</summary>
    public static IEnumerable<string> EnumArguments(this AttributeData attribute) =>
        attribute.ConstructorArguments
            .SelectMany(argument => argument.Kind == TypedConstantKind.Array ? argument.Values : [argument])
            .Select(EnumMemberName)
            .OfType<string>();

    /// <summary>The built-in views a <c>[Views]</c> attribute declares, as <c>ViewAugmentation</c> member names.</summary>
    public static IEnumerable<string> ViewNames(this AttributeData views) => views.EnumArguments();

    /// <summary>How many views a <c>[Views]</c> attribute declares: built-in ones, or pipelines of the user's own.</summary>
    public static int ViewCount(this AttributeData views) => views.ViewNames().Count() + OwnTypes.TypeArguments(views).Count();

    /// <summary>The name of the enum member whose value <paramref name="value"/> holds, or null (not an enum, or no member has it).</summary>
    public static string? EnumMemberName(this TypedConstant value) =>
        value is { Type: INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType, Value: { } number }
            ? enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field => field.HasConstantValue && Equals(field.ConstantValue, number))?.Name
            : null;

    /// <summary>The numbers in <paramref name="value"/>: itself for a number, its elements for an array (none for errors).</summary>
    public static IEnumerable<double> Numbers(this TypedConstant value) =>
        (value.Kind == TypedConstantKind.Array ? value.Values.Select(element => element.Value) : [value.Value])
            .Where(number => number is not null)
            .Select(number => System.Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture));
}
