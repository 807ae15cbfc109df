using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>Finds Roslyn objects that must never be cached in a pipeline model (they break equality and leak memory).</summary>
internal static class ModelWalker
{
    /// <summary>The paths (e.g. <c>MethodModel.Hyperparameters[0].Rule</c>) of forbidden objects reachable from <paramref name="model"/>.</summary>
    public static IEnumerable<string> ForbiddenObjects(object? model) => Walk(model, model?.GetType().Name ?? "null", []);

    private static IEnumerable<string> Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            yield break;
        if (value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location)
        {
            yield return $"{path}: {value.GetType().Name}";
            yield break;
        }
        if (value.GetType().Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
            yield break;  // other Roslyn values (e.g. descriptors) are immutable; enumerating some of them throws
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                foreach (var found in Walk(item, $"{path}[{index++}]", seen))
                    yield return found;
            }
            yield break;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var found in Walk(field.GetValue(value), $"{path}.{field.Name}", seen))
                yield return found;
        }
    }
}
