using System.Globalization;

namespace SelfishGen;

/// <summary>
/// How often <see cref="SelfSupervisedMethod.Supervise"/> writes a checkpoint while it trains, besides the one at the
/// end: every so many steps, or every so much time. A checkpoint is always written between two steps, so a run killed
/// at any moment resumes from the last one and redoes the steps after it.
/// </summary>
public sealed record CheckpointInterval
{
    private CheckpointInterval(int? steps, TimeSpan? time) => (Steps, Time) = (steps, time);

    /// <summary>Steps between checkpoints, or null.</summary>
    public int? Steps { get; }

    /// <summary>Training time between checkpoints, or null.</summary>
    public TimeSpan? Time { get; }

    /// <summary>The default: every 5 minutes (writing costs well under a second for the built-in backbones).</summary>
    public static CheckpointInterval Default { get; } = Every(TimeSpan.FromMinutes(5));

    /// <summary>Only at the end of training (or when it is stopped).</summary>
    public static CheckpointInterval AtEndOnly { get; } = new(null, null);

    /// <summary>Every <paramref name="steps"/> optimizer steps.</summary>
    public static CheckpointInterval Every(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        return new(steps, null);
    }

    /// <summary>Every <paramref name="time"/> of training.</summary>
    public static CheckpointInterval Every(TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(time, TimeSpan.Zero);
        return new(null, time);
    }

    /// <summary>
    /// Parses <c>500</c> (steps), <c>90s</c>, <c>10m</c> or <c>2h</c> (time), or <c>end</c> (<see cref="AtEndOnly"/>);
    /// throws an <see cref="ArgumentException"/> that shows these forms otherwise.
    /// </summary>
    public static CheckpointInterval Parse(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed == "end")
            return AtEndOnly;
        var unit = trimmed.Length > 0 ? trimmed[^1] : ' ';
        var number = char.IsLetter(unit) ? trimmed[..^1] : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0
            || (unit is not ('s' or 'm' or 'h') && (!char.IsDigit(unit) || value != Math.Floor(value) || value > int.MaxValue)))
            throw new ArgumentException(
                $"'{text}' is not a checkpoint interval: write a step count (500), a time (90s, 10m, 2h) or 'end'.");
        return unit switch
        {
            's' => Every(TimeSpan.FromSeconds(value)),
            'm' => Every(TimeSpan.FromMinutes(value)),
            'h' => Every(TimeSpan.FromHours(value)),
            _ => Every((int)value),
        };
    }

    /// <summary>Whether a checkpoint is due, <paramref name="steps"/> and <paramref name="elapsed"/> after the last one.</summary>
    public bool IsDue(long steps, TimeSpan elapsed) => steps >= Steps || elapsed >= Time;

    /// <inheritdoc />
    public override string ToString() =>
        Steps is { } s ? $"every {s} steps" : Time is { } t ? $"every {t.TotalMinutes:0.##} min" : "at the end only";
}
