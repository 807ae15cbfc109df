using System.Text.Json;
using SelfishGen.Data;

namespace SelfishGen;

/// <summary>
/// Compares a checkpoint with the run that wants to resume from it: same method, same options, same data, same
/// training settings. A difference would make the resumed run continue somewhere else than where the saved one stopped.
/// </summary>
internal static class ResumeCheck
{
    /// <summary>
    /// Throws an <see cref="InvalidDataException"/> that names every difference between <paramref name="saved"/> and this
    /// run, unless <paramref name="allowChanges"/>; returns whether the saved optimizer state belongs to the optimizer this
    /// run builds (when not, the optimizer starts afresh).
    /// </summary>
    public static bool Ensure(CheckpointHeader saved, SelfSupervisedMethod method, IImageDataset data, TrainingSettings now, bool allowChanges, string path)
    {
        if (saved.Method != method.GetName())
            throw new InvalidDataException($"'{path}' holds a {saved.Method} checkpoint, not {method.GetName()}.");
        var differences = OptionDifferences(saved.Options, method.Hyperparameters).ToList();
        var current = DatasetInfo.Of(data);
        if (saved.Data != current)
            differences.Add($"data {saved.Data.Count} images of {saved.Data.Shape} → {current.Count} images of {current.Shape}");
        if (saved.Settings is { } settings)
            differences.AddRange(settings.Differences(now));
        if (differences.Count > 0 && !allowChanges)
            throw new InvalidDataException(
                $"'{path}' was trained with other settings ({string.Join("; ", differences)}): resume with the same ones, " +
                "or allow the changes ('selfish train --resume --allow-changes'; Supervise(allowChanges: true)).");
        return saved.Settings is null || saved.Settings.Optimizer == now.Optimizer;
    }

    // 'Name saved → now' for every hyperparameter whose JSON differs.
    private static IEnumerable<string> OptionDifferences(JsonElement saved, MethodOptions now)
    {
        var current = JsonSerializer.SerializeToElement(now, now.GetType(), Checkpoint.Json);
        var savedValues = saved.ValueKind == JsonValueKind.Object
            ? saved.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText())
            : [];
        foreach (var property in current.EnumerateObject())
        {
            var text = property.Value.GetRawText();
            var before = savedValues.GetValueOrDefault(property.Name, "(none)");
            if (before != text)
                yield return $"{property.Name} {before} → {text}";
        }
    }
}
