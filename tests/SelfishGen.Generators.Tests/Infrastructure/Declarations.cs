namespace SelfishGen.Generators.Tests.Infrastructure;

/// <summary>Method declarations that tests compile.</summary>
internal static class Declarations
{
    /// <summary>The library's own RotateNet declaration, as checked in.</summary>
    public static string LibraryRotateNet => File.ReadAllText(Path.Combine(TestPaths.Repository, "src", "SelfishGen", "Methods", "RotateNet.cs"));

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
