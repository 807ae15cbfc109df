using System.Runtime.Loader;
using SelfishGen.Data;
using SelfishGen.Modules;
using SelfishGen.Testing;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// A method declared in a test as a user would declare it, compiled with the generator (which must report nothing on
/// it) into a collectible context and built as <see cref="TinyMethods"/> builds the built-in ones (weights from seed 1,
/// a ConvNet 8 wide).
/// </summary>
internal static class DeclaredMethod
{
    /// <summary>What <paramref name="train"/> makes of <paramref name="declaration"/>'s method on <paramref name="images"/>.</summary>
    public static TrainingReport Train(RandomDeclaration declaration, IImageDataset images, Func<SelfSupervisedMethod, TrainingReport> train)
    {
        var context = new AssemblyLoadContext(declaration.Name, isCollectible: true);
        try
        {
            var assembly = SampleCompilation.Load([declaration], context, out var diagnostics);
            Assert.Empty(diagnostics);
            var type = assembly.GetType($"{RandomDeclaration.Namespace}.{declaration.Name}")!;
            manual_seed(1);
            using var method = (SelfSupervisedMethod)Activator.CreateInstance(type, images, null, new ConvNet(images.Shape, width: 8))!;
            return train(method);
        }
        finally
        {
            context.Unload();
        }
    }
}
