using System.Text.Json;
using TorchSharp.Modules;

namespace SelfishGen;

public abstract partial class SelfSupervisedMethod
{
    /// <summary>
    /// Writes a checkpoint to <paramref name="name"/> (<c>store/RotateNet</c> → <c>store/RotateNet.ckpt</c>;
    /// <see cref="DefaultStore"/> when null) atomically: every module tensor, the options, the data shape, the training
    /// position and, when given, the optimizer's state.
    /// </summary>
    public void Save(string? name = null, OptimizerHelper? optimizer = null) => WriteCheckpoint(name ?? DefaultStore, optimizer, null, keepPrevious: false);

    /// <summary>
    /// Writes the training optimizer's state into a checkpoint. Methods that train with more optimizers (e.g.
    /// <see cref="AdversarialMethod"/>) append their states and read them back in <see cref="ReadOptimizerState"/>.
    /// </summary>
    protected virtual void WriteOptimizerState(BinaryWriter writer, OptimizerHelper optimizer) => optimizer.save_state_dict(writer);

    /// <summary>
    /// Loads the checkpoint <paramref name="name"/> (<see cref="DefaultStore"/> when null) into this method: weights and
    /// state tensors at once; the optimizer state when <see cref="Supervise"/> next builds its optimizer. Returns this method.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no checkpoint <paramref name="name"/>.</exception>
    /// <exception cref="InvalidDataException">The file is truncated or corrupt, holds another method, or tensors that do not fit this one.</exception>
    public SelfSupervisedMethod Load(string? name = null)
    {
        var path = CheckpointFile.PathOf(name ?? DefaultStore);
        var checkpoint = Checkpoint.Read(path);
        if (checkpoint.Header.Method != GetName())
            throw new InvalidDataException($"'{path}' holds a {checkpoint.Header.Method} checkpoint, not {GetName()}.");
        LoadFrom(checkpoint, path);
        return this;
    }

    /// <summary>Rebuilds the method saved in checkpoint <paramref name="name"/>, with its options and state, on the CPU.</summary>
    /// <remarks>The method's assembly must be loaded so that its registry entry exists.</remarks>
    /// <inheritdoc cref="Load" path="/exception" />
    public static SelfSupervisedMethod Restore(string name)
    {
        var path = CheckpointFile.PathOf(name);
        var checkpoint = Checkpoint.Read(path);
        var descriptor = MethodRegistry.Get(checkpoint.Header.Method);
        MethodOptions? options;
        try
        {
            options = (MethodOptions?)checkpoint.Header.Options.Deserialize(descriptor.OptionsType, Checkpoint.Json);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' holds {descriptor.Name} options this version cannot read ({error.Message}).", error);
        }
        var method = descriptor.Create(checkpoint.Header.Data, options, null);
        method.LoadFrom(checkpoint, path);
        return method;
    }

    /// <summary>Restores the checkpoint <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    protected static T Restore<T>(string name) where T : SelfSupervisedMethod =>
        Restore(name) as T ?? throw new InvalidDataException($"'{CheckpointFile.PathOf(name)}' does not hold a {typeof(T).Name}.");

    // Writes the checkpoint and reads it back before it replaces the previous one.
    private void WriteCheckpoint(string name, OptimizerHelper? optimizer, TrainingSettings? settings, bool keepPrevious)
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
            optimizer?.GetType().Name,
            settings);
        var checkpoint = new Checkpoint(header, modules.ToArray(), optimizerState);
        CheckpointFile.WriteAtomically(CheckpointFile.PathOf(name), checkpoint.Write,
            verify: written => Checkpoint.Read(written),
            keepPreviousAs: keepPrevious ? CheckpointFile.PreviousPathOf(name) : null);
    }

    private void LoadFrom(Checkpoint checkpoint, string path)
    {
        try
        {
            using var stream = new MemoryStream(checkpoint.Modules);
            this.load(stream, strict: true);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"'{path}' holds tensors that do not fit this {GetName()} (other options or backbone?): {error.Message}", error);
        }
        State = checkpoint.Header.State;
        _pendingOptimizerState = checkpoint.Optimizer.Length > 0 ? checkpoint.Optimizer : null;
    }
}
