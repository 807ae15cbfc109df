using System.Text.Json;
using SelfishGen.Data;
using TorchSharp.Modules;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    /// <summary>
    /// Writes a checkpoint to <paramref name="name"/> (<c>store/base</c> → <c>store/base.ckpt</c>) atomically: every module
    /// tensor, the options, the data shape, the training position and, when given, the optimizer's state.
    /// </summary>
    public void Save(string name = "store/base", OptimizerHelper? optimizer = null)
    {
        using var modules = new MemoryStream();
        this.save(modules);
        var optimizerState = Array.Empty<byte>();
        if (optimizer is not null)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream))
                WriteOptimizerState(writer, optimizer);
            optimizerState = stream.ToArray();
        }
        var header = new CheckpointHeader(
            GetName(),
            JsonSerializer.SerializeToElement(Hyperparameters, Hyperparameters.GetType(), Checkpoint.Json),
            Data,
            State,
            optimizer?.GetType().Name);
        var checkpoint = new Checkpoint(header, modules.ToArray(), optimizerState);
        CheckpointFile.WriteAtomically(CheckpointFile.PathOf(name), checkpoint.Write);
    }

    /// <summary>
    /// Writes the training optimizer's state into a checkpoint. Methods that train with more optimizers (e.g.
    /// <see cref="AdversarialMethod"/>) append their states and read them back in <see cref="ReadOptimizerState"/>.
    /// </summary>
    protected virtual void WriteOptimizerState(BinaryWriter writer, OptimizerHelper optimizer) => optimizer.save_state_dict(writer);

    /// <summary>
    /// Loads the checkpoint <paramref name="name"/> into this method: weights and state tensors at once; the optimizer
    /// state when <see cref="Supervise"/> next builds its optimizer. Returns this method.
    /// </summary>
    public SelfSupervisedMethod Load(string name = "store/base")
    {
        var path = CheckpointFile.PathOf(name);
        var checkpoint = Checkpoint.Read(path);
        if (checkpoint.Header.Method != GetName())
            throw new InvalidDataException($"'{path}' holds a {checkpoint.Header.Method} checkpoint, not {GetName()}.");
        LoadFrom(checkpoint);
        return this;
    }

    /// <summary>Rebuilds the method saved in checkpoint <paramref name="name"/>, with its options and state, on the CPU.</summary>
    /// <remarks>The method's assembly must be loaded so that its registry entry exists.</remarks>
    public static SelfSupervisedMethod Restore(string name = "store/base")
    {
        var checkpoint = Checkpoint.Read(CheckpointFile.PathOf(name));
        var descriptor = MethodRegistry.Get(checkpoint.Header.Method);
        var options = (MethodOptions?)checkpoint.Header.Options.Deserialize(descriptor.OptionsType, Checkpoint.Json);
        var method = descriptor.Create(checkpoint.Header.Data, options, null);
        method.LoadFrom(checkpoint);
        return method;
    }

    /// <summary>Restores the checkpoint <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    protected static T Restore<T>(string name) where T : SelfSupervisedMethod =>
        Restore(name) as T ?? throw new InvalidDataException($"'{CheckpointFile.PathOf(name)}' does not hold a {typeof(T).Name}.");

    private void LoadFrom(Checkpoint checkpoint)
    {
        using (var stream = new MemoryStream(checkpoint.Modules))
            this.load(stream, strict: true);
        State = checkpoint.Header.State;
        _pendingOptimizerState = checkpoint.Optimizer.Length > 0 ? checkpoint.Optimizer : null;
    }
}
