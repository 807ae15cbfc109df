using System.Globalization;
using System.Text.RegularExpressions;

namespace SelfishGen.Package.Tests;

/// <summary>
/// What a user outside this repository gets, on this machine, with nothing patched by hand: a project referencing the
/// package (or the sources through one import) has the generator, its compile-time checks and a TorchSharp that loads;
/// the tool installs from a folder feed and runs.
/// </summary>
public sealed partial class ConsumerTests(PackedRepository packed) : IClassFixture<PackedRepository>
{
    private const string Program = """
        using System.Globalization;
        using SelfishGen;
        using SelfishGen.Data;

        // 64 images of the bundled sample, 4 steps per epoch: enough to see training run, not to learn much.
        var data = new SubsetDataset(BundledSample.FashionMnist(), Enumerable.Range(0, 64));
        var method = new Spin(data);
        var report = method.Supervise(lr: 1e-3, epochs: 2, batchSize: 16, name: Path.Combine(args[0], "spin"));
        Console.WriteLine($"steps {report.StepLosses.Count}; losses {string.Join(' ', report.StepLosses.Select(loss => loss.ToString("R", CultureInfo.InvariantCulture)))}");
        """;

    [Fact]
    public void A_new_project_referencing_the_package_reports_a_bad_hyperparameter_and_trains_on_this_host()
    {
        var reference = $"""
              <ItemGroup>
                <PackageReference Include="SelfishGen" Version="{packed.LibraryVersion}" />
              </ItemGroup>
            """;
        var project = Path.Combine(packed.Folder.Root, "package-consumer");
        WriteProject(project, reference);

        BuildFailsWithSsg011ThenTrains(project, packed.Folder.Variables);
    }

    [Fact]
    public void A_project_outside_the_repository_builds_SelfishGen_from_source_with_one_import()
    {
        // Its own folder without the feed's nuget.config: restoring src/SelfishGen here must use the user's settings.
        var project = Directory.CreateTempSubdirectory("selfishgen-source-consumer-").FullName;
        try
        {
            WriteProject(project, $"""  <Import Project="{PackedRepository.RepositoryRoot}/build/SelfishGen.targets" />""");

            BuildFailsWithSsg011ThenTrains(project, null);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public void The_tool_installs_from_the_feed_and_its_commands_run()
    {
        var tools = Path.Combine(packed.Folder.Root, "tools");
        var (installed, installOutput) = ProcessRun.Run(packed.Folder.Root, "dotnet",
            ["tool", "install", "--tool-path", tools, "--add-source", packed.Folder.Feed, "selfish", "--version", packed.ToolVersion], packed.Folder.Variables);
        Assert.True(installed == 0, installOutput);
        var selfish = Path.Combine(tools, OperatingSystem.IsWindows() ? "selfish.exe" : "selfish");

        var (listed, list) = ProcessRun.Run(packed.Folder.Root, selfish, ["list"]);
        Assert.True(listed == 0, list);
        Assert.Contains("RotateNet", list);
        Assert.Contains("SimCLR", list);

        // A command that loads TorchSharp: the tool's native shim must load on this host's libstdc++.
        var (trained, training) = ProcessRun.Run(packed.Folder.Root, selfish,
            ["train", "--data", "sample", "--epochs", "1", "--batch-size", "500", "--no-eval", "--store", Path.Combine(packed.Folder.Root, "store", "tool")]);
        Assert.True(trained == 0, training);
        // The bundled sample's training split at 500 images a step: at least one step, and a count the tool reports.
        Assert.Matches(@"Trained [1-9][0-9]* steps", training);
    }

    private static void WriteProject(string folder, string reference)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            {reference}
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
    }

    private static void BuildFailsWithSsg011ThenTrains(string project, IReadOnlyDictionary<string, string>? variables)
    {
        File.WriteAllText(Path.Combine(project, "Spin.cs"), Declaration(labelSmoothing: 1.5));
        var (built, build) = ProcessRun.Run(project, "dotnet", ["build"], variables);
        Assert.True(built != 0, build);
        Assert.Contains("error SSG011", build);

        File.WriteAllText(Path.Combine(project, "Spin.cs"), Declaration(labelSmoothing: 0.1));
        var (ran, run) = ProcessRun.Run(project, "dotnet", ["run", "--", Path.Combine(project, "store")], variables);
        Assert.True(ran == 0, run);
        var losses = LossLine().Match(run);
        Assert.True(losses.Success, run);
        Assert.All(losses.Groups["losses"].Value.Split(' '), loss => Assert.True(double.IsFinite(double.Parse(loss, CultureInfo.InvariantCulture)), run));
    }

    private static string Declaration(double labelSmoothing) => $$"""
        using SelfishGen;

        /// <summary>Rotation prediction with a linear head and label smoothing.</summary>
        [Pretext(PretextKind.Rotation)]
        [Classification(Hidden = [], LabelSmoothing = {{labelSmoothing.ToString(CultureInfo.InvariantCulture)}})]
        public partial class Spin : SelfSupervisedMethod;
        """;

    [GeneratedRegex(@"steps 8; losses (?<losses>\S+( \S+){7})\s*$", RegexOptions.Multiline)]
    private static partial Regex LossLine();
}
