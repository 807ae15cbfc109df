namespace SelfishGen.Generators.Rules;

/// <summary>A piece a declaration needs because it declares another: e.g. <c>[Contrastive]</c> needs <c>[Views]</c>.</summary>
/// <param name="Declared">Metadata names of the attributes that create the need (any of them).</param>
/// <param name="DeclaredText">What they declare, in words (e.g. <c>a pretext task</c>).</param>
/// <param name="Needed">Metadata names of the attributes that meet it (any of them).</param>
/// <param name="NeededText">What is missing, in words (e.g. <c>objective</c>).</param>
/// <param name="Fix">What to add.</param>
internal sealed record Requirement(string[] Declared, string DeclaredText, string[] Needed, string NeededText, string Fix);
