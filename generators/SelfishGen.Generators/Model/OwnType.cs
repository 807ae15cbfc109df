namespace SelfishGen.Generators.Model;

/// <summary>A type of the user's own that a declaration names (a view pipeline, an objective, a backbone) and the generated code builds.</summary>
/// <param name="Name">Its fully qualified name, with <c>global::</c>.</param>
/// <param name="TakesArgument">
/// Whether the constructor the generated code calls takes the argument its role offers (the image shape for views and
/// backbones, the <c>ObjectiveSetup</c> for objectives); else it takes nothing.
/// </param>
/// <param name="IsModule">Whether it is a TorchSharp module: registered with the method, so it is trained and saved.</param>
internal sealed record OwnType(string Name, bool TakesArgument, bool IsModule);
