namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>Method declarations that tests compile.</summary>
internal static class Declarations
{
    /// <summary>The library's own RotateNet declaration, as checked in.</summary>
    public static string LibraryRotateNet => Library("RotateNet");

    /// <summary>The library's declaration of the method <paramref name="name"/>, as checked in.</summary>
    public static string Library(string name) => File.ReadAllText(Path.Combine(LibraryMethods, $"{name}.cs"));

    /// <summary>The names of every method the library declares.</summary>
    public static IEnumerable<string> LibraryNames =>
        Directory.EnumerateFiles(LibraryMethods, "*.cs").Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal);

    private static string LibraryMethods => Path.Combine(TestPaths.Repository, "src", "SelfishGen", "Methods");

    /// <summary>
    /// The sources of <c>examples/CustomMethod</c> but its program: methods written as a user would, with their own
    /// views, objectives and backbone.
    /// </summary>
    public static string[] CustomMethodExample =>
        [
            ImplicitUsings,
            .. Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, "examples", "CustomMethod"), "*.cs")
            .Where(path => Path.GetFileName(path) != "Program.cs")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText),
        ];

    // What the SDK's ImplicitUsings give a console project.
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    /// <summary>A user's method in another namespace, with every hyperparameter set.</summary>
    public static string SpinNet(string labelSmoothing = "0.1") => $$"""
        using SelfishGen;

        namespace Demo;

        /// <summary>Predicts rotations with a small head.</summary>
        [Pretext(PretextKind.Rotation)]
        [Classification(Hidden = [64], LabelSmoothing = {{labelSmoothing}})]
        public partial class SpinNet : SelfSupervisedMethod
        {
        }
        """;
}
