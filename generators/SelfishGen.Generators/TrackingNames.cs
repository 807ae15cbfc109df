namespace SelfishGen.Generators;

/// <summary>Names of the generator's pipeline steps, so that tests can check what each step cached.</summary>
internal static class TrackingNames
{
    /// <summary>Every class carrying a method attribute, lowered to a model (null when it cannot be generated).</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>The models the generator emits a method for.</summary>
    public const string Methods = nameof(Methods);

    /// <summary>The names of all methods of the compilation, for the registration file.</summary>
    public const string Registrations = nameof(Registrations);
}
