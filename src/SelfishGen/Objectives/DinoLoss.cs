using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// DINO self-distillation: the teacher's outputs, centred and sharpened, P_t = softmax((t − c)/τ_t), are the targets
/// of the student's, P_s = softmax(s/τ_s); the loss is the cross-entropy −Σ P_t·log P_s, averaged over the batch and
/// over every (teacher view i, student view j ≠ i) pair. The centre c (a registered buffer, saved with the owner)
/// follows the teacher's batch mean, c ← m·c + (1 − m)·mean(t), after each <see cref="Loss"/> (in a data-parallel step,
/// the mean over every rank's batch).
/// </summary>
/// <remarks>
/// The teacher temperature rises linearly from its warm-up value to its final value over the first
/// <see cref="WarmupProgress"/> of training, then stays. Teacher views must be the first student views (same crops,
/// same order): the global crops.
/// </remarks>
public sealed class DinoLoss : nn.Module
{
    private readonly Scalar _studentTemperature;
    private readonly Scalar _centerMomentum;
    private readonly Scalar _batchWeight;

    /// <summary>Creates the loss for outputs of <paramref name="outDim"/> prototypes, with a zero centre.</summary>
    public DinoLoss(int outDim, double studentTemperature = 0.1, double teacherTemperature = 0.07,
        double warmupTeacherTemperature = 0.04, double warmupProgress = 0.3, double centerMomentum = 0.9) : base(nameof(DinoLoss))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outDim, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(studentTemperature);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(teacherTemperature);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(warmupTeacherTemperature);
        if (warmupProgress is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(warmupProgress), warmupProgress, "Must be in [0, 1].");
        if (centerMomentum is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(centerMomentum), centerMomentum, "Must be in [0, 1].");
        StudentTemperature = studentTemperature;
        TeacherTemperature = teacherTemperature;
        WarmupTeacherTemperature = warmupTeacherTemperature;
        WarmupProgress = warmupProgress;
        CenterMomentum = centerMomentum;
        _studentTemperature = studentTemperature.ToScalar();
        _centerMomentum = centerMomentum.ToScalar();
        _batchWeight = (1 - centerMomentum).ToScalar();
        register_buffer("center", zeros(1, outDim));
    }

    /// <summary>
    /// Why DINO cannot train on <paramref name="globalViews"/> views that teacher and student both see and
    /// <paramref name="localViews"/> more that only the student sees, or null when it can: the teacher needs a view,
    /// and the student two.
    /// </summary>
    /// <remarks>The generator reports the same message at compile time (SSG114) and the generated options check it.</remarks>
    public static string? ViewsProblem(int globalViews, int localViews) => globalViews >= 1 && localViews >= 0 && globalViews + localViews >= 2 ? null
        : $"DINO needs a view for its teacher and two for its student, not {globalViews} global and {localViews} local: declare more views or LocalCrops.";

    /// <summary>Student softmax temperature τ_s.</summary>
    public double StudentTemperature { get; }

    /// <summary>Teacher softmax temperature τ_t after the warm-up.</summary>
    public double TeacherTemperature { get; }

    /// <summary>Teacher softmax temperature at the start of training.</summary>
    public double WarmupTeacherTemperature { get; }

    /// <summary>Fraction of training over which the teacher temperature rises to <see cref="TeacherTemperature"/>.</summary>
    public double WarmupProgress { get; }

    /// <summary>Momentum m of the centre's moving average.</summary>
    public double CenterMomentum { get; }

    /// <summary>The centre c (1, outDim) subtracted from teacher outputs; the buffer itself.</summary>
    public Tensor Center => get_buffer("center")!;

    /// <summary>The teacher temperature at <paramref name="progress"/>, the fraction of training done.</summary>
    public double TeacherTemperatureAt(double progress) => progress >= WarmupProgress
        ? TeacherTemperature
        : WarmupTeacherTemperature + (TeacherTemperature - WarmupTeacherTemperature) * progress / WarmupProgress;

    /// <summary>
    /// The loss of <paramref name="student"/> outputs (one (B, outDim) tensor per view) against <paramref name="teacher"/>
    /// outputs (detached; views 0..T−1 of the student's), at training <paramref name="progress"/>; then updates the centre.
    /// </summary>
    public Tensor Loss(IReadOnlyList<Tensor> student, IReadOnlyList<Tensor> teacher, double progress)
    {
        if (ViewsProblem(teacher.Count, student.Count - teacher.Count) is { } problem)
            throw new ArgumentException(problem, nameof(student));
        using var temperature = TeacherTemperatureAt(progress).ToScalar();
        var targets = teacher.Select(t => nn.functional.softmax((t.detach() - Center).div(temperature), -1)).ToList();
        var logProbabilities = student.Select(s => nn.functional.log_softmax(s.div(_studentTemperature), -1)).ToList();
        var pairs = from i in Enumerable.Range(0, targets.Count)
                    from j in Enumerable.Range(0, logProbabilities.Count)
                    where i != j
                    select (-targets[i] * logProbabilities[j]).sum(-1).mean();
        var loss = stack(pairs.ToList()).mean();
        UpdateCenter(teacher);
        return loss;
    }

    private void UpdateCenter(IReadOnlyList<Tensor> teacher)
    {
        using var _ = no_grad();
        var batchMean = CrossRank.Mean(cat(teacher.Select(t => t.detach()).ToList(), 0).mean([0], keepdim: true));
        Center.mul_(_centerMomentum).add_(batchMean.to(Center.dtype), alpha: _batchWeight);
    }
}
