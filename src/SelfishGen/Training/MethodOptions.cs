using SelfishGen.Modules;

namespace SelfishGen;

/// <summary>
/// Hyperparameters shared by every method. Each method's generated <c>Options</c> record derives from this one and
/// adds the hyperparameters of its declaration, with their defaults.
/// </summary>
public abstract record MethodOptions
{
    /// <summary>The backbone the method builds when its constructor is given none.</summary>
    public BackboneKind Backbone { get; init; } = BackboneKind.Auto;

    /// <summary>The reasons these options are invalid; empty when they are valid.</summary>
    /// <remarks>The generator emits the same rules that its analyzers check at compile time.</remarks>
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid value; returns the options otherwise.</summary>
    public T EnsureValid<T>() where T : MethodOptions
    {
        var errors = Validate().ToList();
        if (errors.Count > 0)
            throw new ArgumentException($"Invalid options for {GetType().DeclaringType?.Name ?? GetType().Name}: {string.Join("; ", errors)}");
        return (T)this;
    }
}
