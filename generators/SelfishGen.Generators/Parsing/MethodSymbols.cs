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
    public static bool DerivesFromSelfSupervisedMethod(this INamedTypeSymbol type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.ToDisplayString() == KnownNames.SelfSupervisedMethod)
                return true;
        }
        return false;
    }

    /// <summary>The value of the named argument <paramref name="property"/> of <paramref name="attribute"/>, if given.</summary>
    public static TypedConstant? NamedArgument(this AttributeData attribute, string property) =>
        attribute.NamedArguments.Where(argument => argument.Key == property).Select(argument => (TypedConstant?)argument.Value).FirstOrDefault();

    /// <summary>The numbers in <paramref name="value"/>: itself for a number, its elements for an array (none for errors).</summary>
    public static IEnumerable<double> Numbers(this TypedConstant value) =>
        (value.Kind == TypedConstantKind.Array ? value.Values.Select(element => element.Value) : [value.Value])
            .Where(number => number is not null)
            .Select(number => System.Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture));
}
