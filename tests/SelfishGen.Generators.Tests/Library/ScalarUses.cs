using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SelfishGen.Generators.Tests.Library;

/// <summary>A place where a TorchSharp <c>Scalar</c> is made that nothing keeps alive across the call that reads it.</summary>
/// <param name="Kind"><c>implicit</c> (a number converted where a Scalar is expected), <c>cast</c> (<c>(Scalar)x</c>),
/// <c>ToScalar</c> (made explicitly, but neither stored in a field nor owned by a <c>using</c> declaration),
/// <c>inside TorchSharp</c> (a call to a TorchSharp member that converts a number itself, see <see cref="ScalarMakingMembers"/>)
/// or <c>Scalar to Tensor</c> (a conversion TorchSharp declares but throws on: an overload taking a Scalar was missed).</param>
internal sealed record ScalarUse(string File, int Line, string Kind, string Code)
{
    public override string ToString() => $"{File}:{Line} {Kind}: {Code}";
}

/// <summary>Finds the <see cref="ScalarUse"/>s of a compilation by walking its operation trees.</summary>
internal static class ScalarUses
{
    private const string ScalarType = "TorchSharp.Scalar";
    private const string ScalarFactories = "TorchSharp.ScalarExtensionMethods";
    private const string TensorType = "TorchSharp.torch.Tensor";

    /// <summary>Every short-lived Scalar in the source files of <paramref name="compilation"/>, in file and line order.</summary>
    public static IReadOnlyList<ScalarUse> Find(Compilation compilation) =>
        compilation.SyntaxTrees
            .SelectMany(tree => OperationTrees(compilation.GetSemanticModel(tree), tree))
            .SelectMany(root => root.DescendantsAndSelf())
            .Select(Classify)
            .OfType<ScalarUse>()
            .Distinct()
            .OrderBy(use => use.File, StringComparer.Ordinal).ThenBy(use => use.Line)
            .ToList();

    // The roots of the operation trees of a file (member bodies, initializers), each once.
    private static IEnumerable<IOperation> OperationTrees(SemanticModel model, SyntaxTree tree)
    {
        var roots = new HashSet<IOperation>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var operation = model.GetOperation(node);
            while (operation?.Parent is { } parent)
                operation = parent;
            if (operation is not null)
                roots.Add(operation);
        }
        return roots;
    }

    private static ScalarUse? Classify(IOperation operation) => operation switch
    {
        IConversionOperation { OperatorMethod.ContainingType: var type } conversion when IsScalar(type) =>
            Use(conversion, conversion.IsImplicit ? "implicit" : "cast"),
        IConversionOperation { OperatorMethod.ContainingType: var type, Operand.Type: var from } conversion
            when type?.ToDisplayString() == TensorType && IsScalar(from) => Use(conversion, "Scalar to Tensor"),
        IInvocationOperation { TargetMethod.ContainingType: var type } invocation
            when type.ToDisplayString() == ScalarFactories && !IsOwned(invocation) => Use(invocation, "ToScalar"),
        IInvocationOperation { TargetMethod: var method } when MakesScalar(method) => Use(operation, "inside TorchSharp"),
        IBinaryOperation { OperatorMethod: { } method } when MakesScalar(method) => Use(operation, "inside TorchSharp"),
        ICompoundAssignmentOperation { OperatorMethod: { } method } when MakesScalar(method) => Use(operation, "inside TorchSharp"),
        IObjectCreationOperation { Constructor: { } method } when MakesScalar(method) => Use(operation, "inside TorchSharp"),
        _ => null,
    };

    private static bool MakesScalar(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        return method.ContainingAssembly?.Name == "TorchSharp"
               && ScalarMakingMembers.Contains(ScalarMakingMembers.Signature(
                   ReflectionName(method.ContainingType), method.MetadataName, method.Parameters.Select(ReflectionName)));
    }

    // Type names as reflection writes them: nested types after '+', parameter types by simple name ('Int64[]', 'Nullable`1').
    private static string ReflectionName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? $"{ReflectionName(outer)}+{type.MetadataName}"
        : type.ContainingNamespace.IsGlobalNamespace ? type.MetadataName
        : $"{type.ContainingNamespace.ToDisplayString()}.{type.MetadataName}";

    private static string ReflectionName(IParameterSymbol parameter) =>
        SimpleName(parameter.Type) + (parameter.RefKind == RefKind.None ? "" : "&");

    private static string SimpleName(ITypeSymbol type) =>
        type is IArrayTypeSymbol array ? SimpleName(array.ElementType) + "[]" : type.MetadataName;

    private static bool IsScalar(ITypeSymbol? type) => type?.ToDisplayString() == ScalarType;


    // Kept alive by a field (static caches, per-object constants) or disposed by a using declaration at the end of its scope.
    private static bool IsOwned(IOperation made) => made.Parent switch
    {
        IFieldInitializerOperation or IPropertyInitializerOperation => true,
        ISimpleAssignmentOperation { Target: IFieldReferenceOperation } => true,
        IVariableInitializerOperation { Parent.Parent.Parent: IVariableDeclarationGroupOperation { Parent: IUsingDeclarationOperation } } => true,
        IVariableInitializerOperation { Parent.Parent.Parent.Parent: IUsingOperation } => true,
        _ => false,
    };

    private static ScalarUse Use(IOperation operation, string kind)
    {
        var span = operation.Syntax.GetLocation().GetLineSpan();
        return new ScalarUse(Path.GetFileName(span.Path), span.StartLinePosition.Line + 1, kind, operation.Syntax.ToString());
    }
}
