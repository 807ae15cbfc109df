using SelfishGen;
using SelfishGen.Data;
using SelfishGen.Evaluation;

// Pre-train one of this project's methods (SmoothRotateNet, NNCLR or SwAV; default SmoothRotateNet) on the bundled
// sample for some epochs (default 3), then compare its encoder with its random initialisation.
var name = args.Length > 0 ? args[0] : "SmoothRotateNet";
var epochs = args.Length > 1 ? int.Parse(args[1]) : 3;
var (train, test) = DatasetSplit.Split(BundledSample.FashionMnist(), testFraction: 0.2, seed: 0);
var descriptor = MethodRegistry.Get(name);
var method = descriptor.Instantiate(DatasetInfo.Of(train), options: null, seed: 0);
method.Dataset = train;

var report = method.Supervise(lr: 1e-3, epochs: epochs, batchSize: 64, name: $"store/{descriptor.Name}");
Console.WriteLine($"{descriptor.Name}: loss {report.EpochLosses[0]:F3} → {report.EpochLosses[^1]:F3}, {report.ImagesPerSecond:F0} images/s");

var randomInit = descriptor.Instantiate(method.Data, method.Hyperparameters, seed: 0);
Console.WriteLine(EncoderEvaluation.Compare(method.GetBackbone(), randomInit.GetBackbone(), train, test).ToTable());
