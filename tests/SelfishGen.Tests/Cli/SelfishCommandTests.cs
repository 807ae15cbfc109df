using SelfishGen.Cli;
using SelfishGen.Tests.Data;
using Spectre.Console;

namespace SelfishGen.Tests.Cli;

/// <summary>The <c>selfish</c> command end to end, in process, with its console output captured.</summary>
public sealed class SelfishCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();

    public SelfishCommandTests() =>
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Interactive = InteractionSupport.No });

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
    }

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("list")]
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
    public void Train_then_eval_on_a_labelled_image_folder()
    {
        var data = Path.Combine(_folder.Path, "images");
        for (var i = 0; i < 12; i++)
        {
            TestImages.Save(_folder.File("images", "red", $"{i}.png"), TestImages.Red, 16, 16);
            TestImages.Save(_folder.File("images", "gray", $"{i}.png"), TestImages.Gray, 16, 16);
        }
        var store = Path.Combine(_folder.Path, "store", "run");

        Assert.Equal(0, Run("train", "--data", data, "--image-size", "16", "--epochs", "2", "--batch-size", "8",
            "--store", store, "--set", "Hidden=16", "--seed", "3"));
        Assert.True(File.Exists(store + ".ckpt"));
        Assert.True(File.Exists(store + ".eval.json"));
        Assert.Contains("random init", _output.ToString());

        Assert.Equal(0, Run("eval", "--data", data, "--image-size", "16", "--store", store));
        Assert.Contains("pre-trained", _output.ToString());
    }
}
