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
