namespace SelfishGen;

/// <summary>Declares the pretext task of a <see cref="SelfSupervisedMethod"/>: how inputs and targets are made.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PretextAttribute(PretextKind kind) : Attribute
{
    /// <summary>The pretext task.</summary>
    public PretextKind Kind { get; } = kind;
}
