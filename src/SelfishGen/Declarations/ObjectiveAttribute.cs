namespace SelfishGen;

/// <summary>
/// Declares an objective of your own over the method's views: a class implementing
/// <see cref="Objectives.IViewObjective"/>, which the generated method builds once and calls every step with the
/// views' embeddings, and with the predictions, momentum targets and queue when the declaration has them.
/// </summary>
/// <example><c>[Objective(typeof(NnclrLoss), Queue = 8192)]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ObjectiveAttribute(Type objective) : Attribute
{
    /// <summary>
    /// The objective: a non-abstract, non-generic class implementing <see cref="Objectives.IViewObjective"/>, with a
    /// public constructor taking an <see cref="Objectives.ObjectiveSetup"/> or nothing.
    /// </summary>
    public Type Objective { get; } = objective;

    /// <summary>Softmax temperature the objective is given (<see cref="Objectives.ObjectiveSetup.Temperature"/>), greater than 0.</summary>
    public double Temperature { get; set; } = 0.1;

    /// <summary>
    /// Size of a queue of past embeddings the objective reads and fills (<see cref="Objectives.ObjectiveInputs.Queue"/>,
    /// e.g. NNCLR's support set); saved in checkpoints. Unset for none.
    /// </summary>
    public int Queue { get; set; }
}
