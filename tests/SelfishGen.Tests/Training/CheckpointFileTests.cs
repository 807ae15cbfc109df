namespace SelfishGen.Tests.Training;

public sealed class CheckpointFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("selfish-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_write_interrupted_midway_leaves_the_previous_checkpoint_intact()
    {
        var path = Path.Combine(_folder, "base.ckpt");
        CheckpointFile.WriteAtomically(path, s => s.Write([1, 2, 3]));

        Assert.Throws<IOException>(() => CheckpointFile.WriteAtomically(path, s =>
        {
            s.Write(new byte[4096]);
            throw new IOException("disk full");
        }));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["base.ckpt"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_method_checkpoint_interrupted_midway_still_loads_the_previous_one()
    {
        manual_seed(1);
        var method = TinyRotateNet.Create(new SyntheticShapes(32));
        var name = Path.Combine(_folder, "method");
        method.Save(name);
        var before = File.ReadAllBytes(CheckpointFile.PathOf(name));

        Assert.Throws<IOException>(() => CheckpointFile.WriteAtomically(CheckpointFile.PathOf(name), s =>
        {
            s.Write(before.AsSpan(0, before.Length / 2));
            throw new IOException("killed");
        }));

        Assert.Equal(before, File.ReadAllBytes(CheckpointFile.PathOf(name)));
        TinyRotateNet.Create(new SyntheticShapes(32)).Load(name);
    }

    [Fact]
    public void A_missing_checkpoint_names_the_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            TinyRotateNet.Create(new SyntheticShapes(32)).Load(Path.Combine(_folder, "nothing")));
        Assert.Contains("nothing.ckpt", error.Message);
    }
}
