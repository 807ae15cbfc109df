using SelfishGen.Cli;
using SelfishGen.Cli.Benchmarks;
using SelfishGen.Evaluation;
using SelfishGen.Tests.Data;
using Spectre.Console;

namespace SelfishGen.Tests.Cli;

/// <summary>The <c>selfish</c> command end to end, in process, with its console output captured.</summary>
public sealed class SelfishCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();

    public SelfishCommandTests()
    {
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Interactive = InteractionSupport.No });
        AnsiConsole.Console.Profile.Width = 1000; // messages on one line each
    }

    public void Dispose() => _folder.Dispose();

    private int Run(params string[] args) => SelfishApp.Run(args);

    [Fact]
    public void List_shows_every_registered_method_with_its_hyperparameters()
    {
        Assert.Equal(0, Run("list"));
        var text = _output.ToString();
        Assert.Contains("RotateNet", text);
        Assert.Contains("LabelSmoothing", text);
        Assert.Contains("SplitBrain", text);
        Assert.Contains("LightnessBinSize", text);
        Assert.Contains("Views\u001b[0m = [SimClr, SimClr]", text);
        Assert.Contains("ViewAugmentation[]", text);
        Assert.Contains("--set Name=Value", text);
    }

    [Fact]
    public void List_names_prints_the_method_names_alone_for_scripts()
    {
        Assert.Equal(0, Run("list", "--names"));

        Assert.Equal(MethodRegistry.All.Select(m => m.Name), _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void List_shows_each_methods_recipe()
    {
        Assert.Equal(0, Run("list"));
        var text = _output.ToString();
        Assert.Equal(MethodRegistry.All.Count, text.Split("recipe: ").Length - 1);
        Assert.Contains("recipe: LARS (momentum 0.9), lr 1 × batch/256, weight decay 1E-05, cosine, warm-up 10 epochs, batch 256", text);
        Assert.Contains("recipe: LARS (momentum 0.9, η 0.02, clipped), lr 0.3 × batch/256, weight decay 1E-06, cosine, warm-up 10 epochs, batch 256, gradients clipped at 3, last layer frozen for 1 epoch", text);
    }

    [Fact]
    public void Train_uses_the_recipe_and_the_options_given_override_it()
    {
        var data = EightRedImages();
        var store = Path.Combine(_folder.Path, "store", "run");

        Assert.Equal(0, Run("train", "--data", data, "--image-size", "16", "--epochs", "1", "--batch-size", "4", "--weight-decay", "0.01",
            "--warmup-epochs", "1", "--store", store, "--set", "Hidden=16", "--no-eval"));

        Assert.Contains("Recipe: Adam (β₁ 0.9, β₂ 0.999), lr 0.001, weight decay 0.01, constant, warm-up 1 epoch, batch 4", _output.ToString());
        Assert.Contains("2 steps to go", _output.ToString());
    }

    [Fact]
    public void Lars_options_reach_the_recipe()
    {
        Assert.Equal(0, Run("train", "--data", EightRedImages(), "--image-size", "16", "--epochs", "1", "--batch-size", "4", "--optimizer", "lars",
            "--lars-trust", "0.02", "--lars-clip", "--store", Path.Combine(_folder.Path, "store", "lars"), "--set", "Hidden=16", "--no-eval"));

        Assert.Contains("Recipe: LARS (momentum 0.9, η 0.02, clipped), lr 0.001", _output.ToString());
    }

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("list")]
    [InlineData("export")]
    [InlineData("bench", "quality")]
    [InlineData("bench", "speed")]
    public void Every_command_prints_its_help(params string[] command) =>
        Assert.Equal(0, Run([.. command, "--help"])); // help text is markup: a stray '[' in a description throws

    [Theory]
    [InlineData("train", "--epochs", "0")]
    [InlineData("train", "--no-such-option")]
    [InlineData("train", "--method", "NoSuchMethod")]
    [InlineData("train", "--set", "NoSuchHyperparameter=1")]
    [InlineData("train", "--set", "LabelSmoothing=2")]
    [InlineData("train", "--device", "tpu")]
    [InlineData("train", "--precision", "fp8")]
    [InlineData("train", "--init-from", "weights.pt", "--resume")]
    [InlineData("train", "--init-partial")]
    [InlineData("export", "--store", "no/such/checkpoint")]
    [InlineData("train", "--checkpoint-every", "5x")]
    [InlineData("train", "--limit", "1")]
    [InlineData("train", "--allow-changes")]
    [InlineData("train", "--weight-decay", "-1")]
    [InlineData("train", "--lr", "0")]
    [InlineData("train", "--optimizer", "rmsprop")]
    [InlineData("train", "--lars-trust", "0")]
    [InlineData("bench", "quality", "--warmup-epochs", "-1")]
    [InlineData("bench", "quality", "--allow-changes")]
    [InlineData("frobnicate")]
    public void Invalid_arguments_exit_with_code_2_and_a_message(params string[] args)
    {
        Assert.Equal(SelfishApp.InvalidArguments, Run(args));
        Assert.NotEqual("", _output.ToString().Trim());
    }

    [Theory]
    [InlineData("SplitBrain needs colour images, but these have 1 channel(s)", "--method", "SplitBrain", "--data", "sample")]
    [InlineData("fp16 mixed precision is for CUDA devices", "--precision", "fp16", "--device", "cpu")]
    public void Train_stops_before_training_with_a_message_that_says_what_to_do(string message, params string[] options)
    {
        Assert.Equal(SelfishApp.InvalidArguments, Run(["train", .. options, "--store", Path.Combine(_folder.Path, "run")]));
        var text = _output.ToString();
        Assert.Contains(message, text);
        Assert.DoesNotContain("Trained", text);
        Assert.DoesNotContain("   at ", text);  // no stack trace
    }

    [Fact]
    public void A_missing_data_folder_is_named_in_the_error()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");
        Assert.Equal(SelfishApp.InvalidArguments, Run("train", "--data", missing, "--epochs", "1"));
        Assert.Contains("nowhere", _output.ToString());
    }

    [Fact]
    public void Train_and_eval_on_a_folder_with_train_and_test_use_its_own_splits()
    {
        var data = Path.Combine(_folder.Path, "split");
        foreach (var (split, count) in new[] { ("train", 12), ("test", 3) })
            for (var i = 0; i < count; i++)
            {
                TestImages.Save(_folder.File("split", split, "red", $"{i}.png"), TestImages.Red, 16, 16);
                TestImages.Save(_folder.File("split", split, "gray", $"{i}.png"), TestImages.Gray, 16, 16);
            }
        var store = Path.Combine(_folder.Path, "store", "run");

        Assert.Equal(0, Run("train", "--data", data, "--epochs", "1", "--batch-size", "8", "--store", store, "--set", "Hidden=16",
            "--baseline-cache", "none"));
        Assert.Equal(0, Run("eval", "--data", data, "--store", store, "--baseline-cache", "none"));

        var text = Unwrapped();
        Assert.Contains($"on {data}: 24 images of 3x16x16", text);
        Assert.Equal(2, text.Split("Evaluating on 6 held-out images (24 labelled").Length - 1); // train's evaluation, then eval's
    }

    [Fact]
    public void The_word_fashion_mnist_reads_its_own_train_and_test_files_or_says_how_to_install_them()
    {
        var folder = Path.Combine(_folder.Path, "fashion");
        Directory.CreateDirectory(folder);
        foreach (var (prefix, count) in new[] { ("train", 40), ("t10k", 10) })
            IdxFiles.WritePair(folder, prefix, IdxFiles.RandomImages(count, 28, 28, seed: count), 28, 28,
                [.. Enumerable.Range(0, count).Select(i => (byte)(i % 2))], gzip: true);
        var before = Environment.GetEnvironmentVariable(DataLocation.FashionMnistVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataLocation.FashionMnistVariable, folder);
            Assert.Equal(0, Run("train", "--data", "fashion-mnist", "--epochs", "1", "--batch-size", "20", "--store",
                Path.Combine(_folder.Path, "store", "fashion"), "--set", "Hidden=16", "--baseline-cache", "none"));
            Assert.Contains("on fashion-mnist: 40 images of 1x28x28", Unwrapped());
            Assert.Contains("Evaluating on 10 held-out images (40 labelled", Unwrapped());

            Environment.SetEnvironmentVariable(DataLocation.FashionMnistVariable, Path.Combine(_folder.Path, "nowhere"));
            Assert.Equal(SelfishApp.InvalidArguments, Run("train", "--data", "fashion-mnist", "--epochs", "1"));
            Assert.Contains("apt-get install dataset-fashion-mnist", Unwrapped());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataLocation.FashionMnistVariable, before);
        }
    }

    [Fact]
    public void Limit_trains_on_that_many_images_of_the_data()
    {
        Assert.Equal(0, Run("train", "--data", "sample", "--limit", "200", "--epochs", "1", "--batch-size", "50", "--no-eval",
            "--set", "Hidden=16", "--store", Path.Combine(_folder.Path, "limited")));
        var text = Unwrapped();
        Assert.Contains("on sample: 200 images of", text);
        Assert.Contains("Trained 4 steps", text);
    }

    [Fact]
    public void Train_then_eval_on_a_labelled_image_folder()
    {
        var data = Path.Combine(_folder.Path, "images");
        for (var i = 0; i < 12; i++)
        {
            TestImages.Save(_folder.File("images", "red", $"{i}.png"), TestImages.Red, 16, 16);
            TestImages.Save(_folder.File("images", "gray", $"{i}.png"), TestImages.Gray, 16, 16);
        }
        var store = Path.Combine(_folder.Path, "store", "run");
        var baselines = Path.Combine(_folder.Path, "baselines");

        Assert.Equal(0, Run("train", "--data", data, "--image-size", "16", "--epochs", "2", "--batch-size", "8",
            "--store", store, "--set", "Hidden=16", "--seed", "3", "--baseline-cache", baselines));
        Assert.True(File.Exists(store + ".ckpt"));
        Assert.True(File.Exists(store + ".eval.json"));
        Assert.Contains("random init", _output.ToString());
        Assert.Equal(2, Directory.GetFiles(baselines, "*.json").Length);
        // the kept random-init row edited on disk is what eval reports: read, not recomputed
        var randomInit = Directory.GetFiles(baselines, "*.json").Single(f => File.ReadAllText(f).Contains(EncoderEvaluation.RandomInit));
        File.WriteAllText(randomInit, """{ "encoder": "random init", "knn200": 0.125, "knn20": 0.25, "linear": 0.375 }""");

        Assert.Equal(0, Run("eval", "--data", data, "--image-size", "16", "--store", store, "--seed", "3", "--baseline-cache", baselines));
        Assert.Contains("pre-trained", _output.ToString());
        Assert.Contains("2 of the 2 baseline rows", _output.ToString());
        var rows = EvaluationReport.FromJson(File.ReadAllText(store + ".eval.json")).Rows;
        Assert.Equal(new EvaluationRow(EncoderEvaluation.RandomInit, 0.125, 0.25, 0.375), rows[1]);
    }

    [Theory]
    [InlineData("train", "--resume", "--no-eval", "--epochs", "1", "--store")]
    [InlineData("eval", "--store")]
    public void A_corrupt_checkpoint_is_one_line_and_exit_code_2(params string[] command)
    {
        var store = Path.Combine(_folder.Path, "store", "RotateNet");
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        File.WriteAllBytes(store + ".ckpt", [.. "SELFISH"u8, 2, 1, 2, 3]);

        Assert.Equal(SelfishApp.InvalidArguments, Run([.. command, store]));
        var text = _output.ToString();
        Assert.Contains("RotateNet.ckpt' is not a valid checkpoint: it ends before the length of its header: the file is truncated.", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void Skipped_image_files_are_counted_and_listed_and_every_step_is_logged()
    {
        var data = EightRedImages();
        File.WriteAllText(_folder.File("images", "broken.png"), "not an image");
        var store = Path.Combine(_folder.Path, "run");
        var log = Path.Combine(_folder.Path, "steps.csv");

        Assert.Equal(0, Run("train", "--data", data, "--epochs", "2", "--batch-size", "4", "--store", store, "--set", "Hidden=16", "--log-steps", log));

        var text = _output.ToString();
        Assert.Contains("Skipped 1 file(s)", text);
        Assert.Contains("broken.png", text);
        Assert.Equal([StepLog.Header, "0,0,", "1,0,", "2,1,", "3,1,"], File.ReadLines(log).Select(line => line == StepLog.Header ? line : line[..(line.IndexOf(',', 2) + 1)]));
    }

    [Fact]
    public void Export_writes_the_backbone_for_pytorch_and_train_starts_a_new_run_from_it()
    {
        var data = EightRedImages();
        var store = Path.Combine(_folder.Path, "store", "first");
        Assert.Equal(0, Run("train", "--data", data, "--epochs", "1", "--batch-size", "4", "--store", store, "--set", "Hidden=16", "--no-eval"));

        Assert.Equal(0, Run("export", "--store", store));
        var weights = store + ".backbone.pt";
        Assert.True(File.Exists(weights));

        Assert.Equal(0, Run("train", "--data", data, "--epochs", "1", "--batch-size", "4", "--store", Path.Combine(_folder.Path, "store", "second"),
            "--set", "Hidden=16", "--no-eval", "--init-from", weights));
        Assert.Matches(@"Backbone ConvNet from \S*first\.backbone\.pt: all \d+ tensors match", Unwrapped());

        File.WriteAllText(_folder.File("notes.pt"), "no tensors here");
        Assert.Equal(SelfishApp.InvalidArguments, Run("train", "--data", data, "--epochs", "1", "--init-from", _folder.File("notes.pt"), "--no-eval",
            "--store", Path.Combine(_folder.Path, "store", "third")));
        Assert.Contains("is not a PyTorch state dict", Unwrapped());
    }

    /// <summary>A folder of eight red 16×16 images.</summary>
    private string EightRedImages()
    {
        for (var i = 0; i < 8; i++)
            TestImages.Save(_folder.File("images", $"{i}.png"), TestImages.Red, 16, 16);
        return Path.Combine(_folder.Path, "images");
    }

    /// <summary>The output with the console's line wrapping undone (every run of white space as one space).</summary>
    private string Unwrapped() => System.Text.RegularExpressions.Regex.Replace(_output.ToString(), @"\s+", " ");
}
