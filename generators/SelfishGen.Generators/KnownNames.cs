namespace SelfishGen.Generators;

/// <summary>Metadata names of the runtime types the generator and analyzers recognise (they never load the runtime).</summary>
internal static class KnownNames
{
    public const string SelfSupervisedMethod = "SelfishGen.SelfSupervisedMethod";
    public const string PretextAttribute = "SelfishGen.PretextAttribute";
    public const string ClassificationAttribute = "SelfishGen.ClassificationAttribute";

    /// <summary>Attributes that declare what a method learns from; each is one generator entry point.</summary>
    public static readonly string[] PretextAttributes = [PretextAttribute];

    /// <summary>Attributes that declare a method's objective.</summary>
    public static readonly string[] ObjectiveAttributes = [ClassificationAttribute];

    /// <summary>Every attribute that makes a class a SelfishGen method declaration.</summary>
    public static readonly string[] MethodAttributes = [.. PretextAttributes, .. ObjectiveAttributes];
}
