using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// An objective of your own over a method's views, declared with <c>[Objective(typeof(MyLoss))]</c>. The generated
/// method builds it once (with an <see cref="ObjectiveSetup"/> when its constructor takes one) and calls
/// <see cref="Loss"/> every step, inside the step's dispose scope.
/// </summary>
/// <remarks>
/// An objective that derives from <c>nn.Module</c> is registered with the method: its parameters (e.g. prototypes)
/// train with the rest, and its parameters and buffers are saved in checkpoints. Draw random numbers from
/// <see cref="ObjectiveInputs.Context"/>'s generator, so that a resumed run draws what an uninterrupted one does.
/// </remarks>
public interface IViewObjective
{
    /// <summary>The loss of one step, a scalar tensor to minimise.</summary>
    Tensor Loss(ObjectiveInputs inputs);
}
