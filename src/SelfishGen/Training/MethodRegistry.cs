using System.Collections.Concurrent;

namespace SelfishGen;

/// <summary>
/// Every method declared in a loaded assembly. The generator registers each declared method from a module
/// initializer, so a user's own methods appear here as soon as their assembly is loaded.
/// </summary>
public static class MethodRegistry
{
    private static readonly ConcurrentDictionary<string, MethodDescriptor> Methods = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>All registered methods, by name.</summary>
    public static IReadOnlyList<MethodDescriptor> All => [.. Methods.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>Adds (or replaces) a method.</summary>
    public static void Register(MethodDescriptor descriptor) => Methods[descriptor.Name] = descriptor;

    /// <summary>The method named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static MethodDescriptor? Find(string name) => Methods.GetValueOrDefault(name);

    /// <summary>The method named <paramref name="name"/>; throws with the list of known names when there is none.</summary>
    public static MethodDescriptor Get(string name) =>
        Find(name) ?? throw new KeyNotFoundException(
            $"No method named '{name}'. Known methods: {string.Join(", ", All.Select(m => m.Name))}.");
}
