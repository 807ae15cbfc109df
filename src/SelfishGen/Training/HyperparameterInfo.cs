namespace SelfishGen;

/// <summary>One hyperparameter of a method, as listed by <c>selfish list</c>.</summary>
/// <param name="Name">Property name in the method's options record.</param>
/// <param name="Type">C# type name.</param>
/// <param name="Default">Default value, as C# source text.</param>
/// <param name="Description">What it controls.</param>
public sealed record HyperparameterInfo(string Name, string Type, string Default, string Description);
