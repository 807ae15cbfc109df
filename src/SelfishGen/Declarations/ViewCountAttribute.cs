namespace SelfishGen;

/// <summary>
/// Says how many views an objective of your own compares (on a class implementing
/// <see cref="Objectives.IViewObjective"/>): a method that declares it with another number of views is a compile-time
/// error (SSG131). Without it, the objective takes any number of views.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ViewCountAttribute(int views) : Attribute
{
    /// <summary>The number of views the objective compares.</summary>
    public int Views { get; } = views;
}
