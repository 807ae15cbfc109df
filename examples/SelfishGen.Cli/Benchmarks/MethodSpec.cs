namespace SelfishGen.Cli.Benchmarks;

/// <summary>
/// A method to benchmark: a registered method with optional hyperparameter overrides, written
/// <c>Name[:Key=Value]...</c>, e.g. <c>RotateNet:Hidden=:LabelSmoothing=0.1</c> (an empty value is an empty array).
/// </summary>
public sealed record MethodSpec(string Name, IReadOnlyList<KeyValuePair<string, string>> Overrides)
{
    /// <summary>Reads <c>Name[:Key=Value]...</c>; the name must be registered.</summary>
    public static MethodSpec Parse(string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        var descriptor = MethodRegistry.Get(parts[0]);
        return new MethodSpec(descriptor.Name, [.. parts.Skip(1).Select(OptionOverrides.ParsePair)]);
    }

    /// <summary>Every registered method at its defaults: what <c>selfish bench quality</c> runs by default.</summary>
    public static IReadOnlyList<MethodSpec> AllRegistered() => [.. MethodRegistry.All.Select(m => new MethodSpec(m.Name, []))];

    /// <summary>
    /// The methods with a PyTorch reference at their defaults: all of them (<see cref="PyTorchReference.Methods"/>,
    /// <c>selfish bench speed --full</c>) or the quick selection (<see cref="PyTorchReference.QuickMethods"/>).
    /// </summary>
    public static IReadOnlyList<MethodSpec> WithPyTorchReference(bool all) =>
        [.. (all ? PyTorchReference.Methods : PyTorchReference.QuickMethods).Select(Parse)];

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
