using System.Reflection;
using System.Reflection.Emit;

namespace SelfishGen.Generators.Tests.Library;

/// <summary>
/// The members of TorchSharp that turn a number into a <c>Scalar</c> inside their own body (e.g. <c>Tensor * double</c>,
/// <c>Tensor + Tensor</c> with its implicit <c>alpha: 1</c>): calling one is the same hazard as converting the number
/// ourselves. Found by reading their IL, so the list follows the TorchSharp version in use.
/// </summary>
internal static class ScalarMakingMembers
{
    private static readonly Lazy<HashSet<string>> Members = new(Scan);

    /// <summary>Whether the TorchSharp member with <paramref name="signature"/> (see <see cref="Signature"/>) makes a Scalar.</summary>
    public static bool Contains(string signature) => Members.Value.Contains(signature);

    /// <summary>A member's identity as both Roslyn and reflection can spell it: <c>TorchSharp.torch+Tensor.add(Tensor)</c>.</summary>
    public static string Signature(string containingType, string name, IEnumerable<string> parameterTypes) =>
        $"{containingType}.{name}({string.Join(", ", parameterTypes)})";

    private static HashSet<string> Scan()
    {
        var assembly = typeof(TorchSharp.torch).Assembly;
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            types = [.. partial.Types.OfType<Type>()]; // types that need optional dependencies (e.g. SkiaSharp) are not ours to call
        }
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var methods = types.SelectMany(type => type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared))).ToList();

        // A member makes a Scalar when it converts a number itself, or calls (directly) a member of TorchSharp that does.
        var callers = new Dictionary<int, List<MethodBase>>();
        foreach (var method in methods)
        foreach (var callee in Callees(method))
        {
            if (!callers.TryGetValue(callee, out var list))
                callers[callee] = list = [];
            list.Add(method);
        }
        var making = new HashSet<MethodBase>();
        var pending = new Queue<int>(typeof(TorchSharp.Scalar).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.Name == "op_Implicit")
            .Select(method => method.MetadataToken));
        while (pending.TryDequeue(out var token))
        {
            foreach (var caller in callers.GetValueOrDefault(token, []))
            {
                if (making.Add(caller))
                    pending.Enqueue(caller.MetadataToken);
            }
        }
        return making
            .Where(method => method.IsPublic && method.DeclaringType is { } type && (type.IsPublic || type.IsNestedPublic))
            .Select(method => Signature(method.DeclaringType!.FullName!, method.Name, method.GetParameters().Select(p => p.ParameterType.Name)))
            .ToHashSet(StringComparer.Ordinal);
    }

    // The tokens of the TorchSharp methods that the IL of 'method' calls (call, callvirt, newobj).
    private static IEnumerable<int> Callees(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is BadImageFormatException or FileNotFoundException)
        {
            yield break;
        }
        if (il is null)
            yield break;
        var module = method.Module;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != OpCodes.Call.Value && il[i] != OpCodes.Callvirt.Value && il[i] != OpCodes.Newobj.Value)
                continue;
            MethodBase? callee;
            try
            {
                callee = module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException or FileNotFoundException)
            {
                continue; // the bytes were an operand, not an opcode
            }
            if (callee is not null && callee.Module == module)
                yield return callee.MetadataToken;
        }
    }
}
