namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// A method to benchmark: a registered method with optional hyperparameter overrides, written
/// <c>Name[:Key=Value]...</c>, e.g. <c>RotateNet:Hidden=:LabelSmoothing=0.1</c> (an empty value is an empty array).
/// </summary>
public sealed record MethodSpec(string Name, IReadOnlyList<KeyValuePair<string, string>> Overrides)
{
    /// <summary>
    /// The second objective measured while RotateNet is the only registered method: its linear head with label
    /// smoothing (a different head and loss on the same pretext).
    /// </summary>
    public const string RotateNetLinearHead = "RotateNet:Hidden=:LabelSmoothing=0.1";

    /// <summary>Reads <c>Name[:Key=Value]...</c>; the name must be registered.</summary>
    public static MethodSpec Parse(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        var descriptor = MethodRegistry.Get(parts[0]);
        return new MethodSpec(descriptor.Name, [.. parts.Skip(1).Select(OptionOverrides.ParsePair)]);
    }

    /// <summary>
    /// Every registered method at its defaults; while only one is registered, also <see cref="RotateNetLinearHead"/>,
    /// so that each backbone is measured under two objectives. New methods appear here as they are registered.
    /// </summary>
    public static IReadOnlyList<MethodSpec> AllRegistered(bool withSecondObjective)
    {
        var all = MethodRegistry.All.Select(m => new MethodSpec(m.Name, [])).ToList();
        if (withSecondObjective && all.Count == 1 && MethodRegistry.Find("RotateNet") is not null)
            all.Add(Parse(RotateNetLinearHead));
        return all;
    }

    /// <summary>The registry entry.</summary>
    public MethodDescriptor Descriptor => MethodRegistry.Get(Name);

    /// <summary>How the method is named in tables: the name, with its overrides in brackets.</summary>
    public string Label => Overrides.Count == 0 ? Name : $"{Name}[{string.Join(",", Overrides.Select(o => $"{o.Key}={o.Value}"))}]";

    /// <summary>The method's validated options with the overrides and the given backbone.</summary>
    public MethodOptions Options(Modules.BackboneKind backbone) =>
        OptionOverrides.Apply(Descriptor, Overrides.Append(new("Backbone", backbone.ToString())));

    /// <inheritdoc />
    public override string ToString() => Label;
}
