using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Parsing;

/// <summary>What the parser makes of one class declaration: its model, or the problems that keep it from being generated.</summary>
/// <param name="Class">The class's fully qualified name: a class found through several attributes is reported once.</param>
/// <param name="Model">The model to emit, or null.</param>
/// <param name="Diagnostics">
/// The problems, located in the source. They stay out of <see cref="MethodModel"/>: locations change with every edit
/// of the file, and the model must not.
/// </param>
internal sealed record ParsedDeclaration(string Class, MethodModel? Model, EquatableArray<Diagnostic> Diagnostics);
