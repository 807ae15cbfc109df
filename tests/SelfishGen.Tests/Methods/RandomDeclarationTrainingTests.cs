using System.Reflection;
using System.Runtime.Loader;
using SelfishGen.Modules;
using SelfishGen.Testing;

namespace SelfishGen.Tests.Methods;

/// <summary>
/// Property: a declaration SelfishGen accepts trains. The first declarations of the generator tests' random sample
/// (<see cref="RandomDeclarations"/>, same seed) are compiled in memory with the generator and analyzers; those
/// without an SSG error are built into one assembly, loaded in a collectible context against this SelfishGen, and
/// each trains one step on tiny colour images with the small ConvNet (32 pixels: the patches of the finest CPC grid
/// sampled, 14, are then 4 pixels, the least the ConvNet takes). Declarations with a huge count (<see cref="RandomDeclarations.Huge"/>,
/// e.g. a million channels) are left out: they are valid, but no test machine holds them.
/// </summary>
public sealed class RandomDeclarationTrainingTests : IDisposable
{
    private const int Sampled = 250;
    private const int Trained = 24;
    private readonly string _store = Directory.CreateTempSubdirectory("selfish-random-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public async Task Accepted_declarations_train_one_step_on_tiny_colour_images()
    {
        var (verdicts, _) = await SampleCompilation.Check(RandomDeclarations.Sample(Sampled));
        var accepted = verdicts.Where(verdict => verdict.Accepted && !verdict.Declaration.HasHugeValue).Take(Trained).ToList();
        Assert.Equal(Trained, accepted.Count);
        Assert.All(accepted, verdict => Assert.True(verdict.CompileErrors.Count == 0, $"accepted but does not compile:\n{verdict}"));

        var context = new AssemblyLoadContext(nameof(RandomDeclarationTrainingTests), isCollectible: true);
        try
        {
            var assembly = SampleCompilation.Load(accepted.Select(verdict => verdict.Declaration), context);
            var images = new ColorfulShapes(8, size: 32);
            var failures = accepted.Select(verdict => TrainOneStep(assembly, verdict.Declaration, images)).OfType<string>().ToList();

            Assert.True(failures.Count == 0,
                $"{failures.Count} of {accepted.Count} accepted declarations (seed {RandomDeclarations.Seed}) failed to train one step:\n\n{string.Join("\n\n", failures)}");
        }
        finally
        {
            context.Unload();
        }
    }

    // Null when one step trains to a finite loss; otherwise the declaration and what went wrong.
    private string? TrainOneStep(Assembly assembly, RandomDeclaration declaration, ColorfulShapes images)
    {
        try
        {
            var type = assembly.GetType($"{RandomDeclaration.Namespace}.{declaration.Name}")!;
            var options = (MethodOptions)Activator.CreateInstance(type.GetNestedType("Options")!)!;
            options.GetType().GetProperty(nameof(MethodOptions.Backbone))!.SetValue(options, BackboneKind.ConvNet);
            using var method = (SelfSupervisedMethod)Activator.CreateInstance(type, images, options, null)!;
            var loss = method.Supervise(epochs: 1, batchSize: images.Count, name: Path.Combine(_store, declaration.Name)).StepLosses.Single();
            return float.IsFinite(loss) ? null : $"{declaration}\n  loss {loss}";
        }
        catch (Exception error)
        {
            var cause = error is TargetInvocationException { InnerException: { } inner } ? inner : error;
            return $"{declaration}\n  {cause.GetType().Name}: {cause.Message}";
        }
    }
}
