using CustomMethod;
using SelfishGen;
using SelfishGen.Data;
using SelfishGen.Evaluation;

// Pre-train the custom method on the bundled sample, then compare its encoder with its random initialisation.
var (train, test) = DatasetSplit.Split(BundledSample.FashionMnist(), testFraction: 0.2, seed: 0);
var descriptor = SmoothRotateNet.Descriptor;
var method = descriptor.Instantiate(DatasetInfo.Of(train), new SmoothRotateNet.Options { LabelSmoothing = 0.05 }, seed: 0);
method.Dataset = train;

var report = method.Supervise(lr: 1e-3, epochs: args.Length > 0 ? int.Parse(args[0]) : 3, batchSize: 64, name: "store/custom");
Console.WriteLine($"{descriptor.Name}: loss {report.EpochLosses[0]:F3} → {report.EpochLosses[^1]:F3}, {report.ImagesPerSecond:F0} images/s");

var randomInit = descriptor.Instantiate(method.Data, method.Hyperparameters, seed: 0);
Console.WriteLine(EncoderEvaluation.Compare(method.GetBackbone(), randomInit.GetBackbone(), train, test).ToTable());
