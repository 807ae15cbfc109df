namespace SelfishGen;

/// <summary>The learning-rate schedules a <see cref="TrainingRecipe"/> can declare.</summary>
public enum LrScheduleKind
{
    /// <summary>A constant learning rate (after any warm-up).</summary>
    Constant,

    /// <summary>A cosine decay to zero over the run, after any warm-up.</summary>
    Cosine,
}
