using System.ComponentModel;
using Spectre.Console.Cli;
using SelfishGen.Cli.Benchmarks;

namespace SelfishGen.Cli.Commands;

/// <summary>Options shared by the <c>selfish bench</c> commands: which methods, threads, seed, output folder.</summary>
public abstract class BenchSettings : CommandSettings
{
    [CommandOption("-m|--methods <SPECS>")]
    [Description("Methods separated by ';' or spaces, each Name[[:Key=Value]]... Default: every registered method (quality); those with a PyTorch reference (speed).")]
    public string? Methods { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Intra-op CPU threads (default: all cores).")]
    public int? Threads { get; init; }

    [CommandOption("--seed <SEED>")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("-o|--out <FOLDER>")]
    [Description("Where the reports (JSON, Markdown, plots) are written.")]
    [DefaultValue("bench")]
    public string Out { get; init; } = "bench";

    /// <summary>The thread count in effect.</summary>
    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    /// <summary>The methods asked for with <c>--methods</c>, or else the command's <see cref="DefaultSpecs"/>.</summary>
    public IReadOnlyList<MethodSpec> Specs() =>
        Methods is { } text
            ? [.. text.Split([';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(MethodSpec.Parse)]
            : DefaultSpecs();

    /// <summary>The methods the command runs without <c>--methods</c>.</summary>
    protected abstract IReadOnlyList<MethodSpec> DefaultSpecs();

    /// <summary>Tunes OpenMP's waiting and the allocator, and sets the thread count: call before the first tensor.</summary>
    public void PrepareTorch()
    {
        Hosting.OpenMpWaiting.SpinBriefly();
        Hosting.NativeAllocator.KeepFreedMemory();
        torch.set_num_threads(ThreadCount);
    }

    /// <inheritdoc />
    public override Spectre.Console.ValidationResult Validate() =>
        Threads is < 1 ? Spectre.Console.ValidationResult.Error("--threads must be at least 1.") : Spectre.Console.ValidationResult.Success();
}
