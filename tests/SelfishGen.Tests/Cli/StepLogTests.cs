using System.Globalization;
using SelfishGen.Cli;
using SelfishGen.Tests.Data;
using SelfishGen.Tests.Methods;

namespace SelfishGen.Tests.Cli;

/// <summary>The step log's last column: an adversarial method's discriminator loss of each step, empty for other methods.</summary>
public sealed class StepLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("BiGAN", true)]
    [InlineData("RotateNet", false)]
    public void Each_step_logs_the_discriminators_loss_of_an_adversarial_method(string name, bool adversarial)
    {
        using var method = TinyMethods.Create(name, new RandomPatterns(16, channels: 1, cells: 2));
        var path = _folder.File(name + ".csv");

        using (var log = new StepLog(path, method as AdversarialMethod))
            method.Supervise(epochs: 1, batchSize: 8, name: _folder.File(name), observer: log, recipe: TrainingRecipe.Default);

        var rows = File.ReadLines(path).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(6, row.Length));
        if (adversarial)
            Assert.All(rows, row => Assert.InRange(double.Parse(row[5], CultureInfo.InvariantCulture), 1e-3, 100));
        else
            Assert.All(rows, row => Assert.Equal("", row[5]));
    }
}
