using SelfishGen.Distributed;
using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.Objectives;

/// <summary>
/// Contrastive predictive coding over a grid of patch features (B, C, G, G). Each direction is handled in a frame
/// oriented so that prediction runs downwards (<see cref="Orient"/>): a context network sees the oriented grid and
/// outputs, at every position, one C-vector prediction per step k = 1..<see cref="Steps"/> for the feature k + 1
/// rows below (the adjacent row's patches overlap the context's). With targets y = head(features), each prediction p
/// is scored against every target t at the same step, over all positions of all images (of every rank in a
/// data-parallel step): ℓ = −log( exp(p·t⁺) / Σ_t exp(p·t) )
/// (no temperature), averaged over predictions, summed over steps and directions.
/// </summary>
/// <remarks>
/// The target head (a 1×1 convolution unless given) is a registered sub-module: train it with the loss's parameters.
/// Gradients flow into both predictions and targets.
/// </remarks>
public sealed class CpcLoss : nn.Module
{
    private readonly nn.Module<Tensor, Tensor> _targetHead;

    /// <summary>
    /// Creates the loss for features of <paramref name="channels"/> channels predicted <paramref name="steps"/> rows
    /// ahead, with target head <paramref name="targetHead"/> (default: a trained 1×1 convolution C → C).
    /// </summary>
    public CpcLoss(int channels, int steps = 3, nn.Module<Tensor, Tensor>? targetHead = null) : base(nameof(CpcLoss))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        Channels = channels;
        Steps = steps;
        _targetHead = targetHead ?? new Modules.ChannelAlignedConv2d(channels, channels, 1);
        register_module("target_head", _targetHead);
    }

    /// <summary>Channels C of a feature (and of each prediction).</summary>
    public int Channels { get; }

    /// <summary>How many rows ahead are predicted.</summary>
    public int Steps { get; }

    /// <summary>
    /// Why a grid of <paramref name="rows"/> rows cannot be predicted <paramref name="steps"/> rows ahead, or null when
    /// it can: more rows than steps.
    /// </summary>
    /// <remarks>The generator reports the same message at compile time (SSG123) and the generated options check it.</remarks>
    public static string? GridProblem(long rows, int steps) => rows > steps + 1 ? null
        : $"A grid of {rows} rows cannot be predicted {steps} rows ahead past the adjacent row: Grid must be greater than Steps + 1.";

    /// <summary>The four directions.</summary>
    public static IReadOnlyList<CpcDirection> AllDirections { get; } = Enum.GetValues<CpcDirection>();

    /// <summary>
    /// Re-orients a grid (B, C, H, W) so that <paramref name="direction"/> runs from row 0 downwards. Top→bottom is
    /// the grid itself, bottom→top flips rows, left→right transposes, right→left transposes then flips rows.
    /// </summary>
    public static Tensor Orient(Tensor grid, CpcDirection direction) => direction switch
    {
        CpcDirection.TopToBottom => grid.alias(),
        CpcDirection.BottomToTop => grid.flip(2),
        CpcDirection.LeftToRight => grid.transpose(2, 3),
        CpcDirection.RightToLeft => grid.transpose(2, 3).flip(2),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    /// <summary>
    /// The loss summed over <paramref name="directions"/> (default all four): for each, <paramref name="context"/>
    /// maps the oriented <paramref name="features"/> and the direction to predictions (B, C·Steps, rows, G). The
    /// context is given the oriented grid's top G − 2 rows (B, C, G − 2, G), the only rows whose predictions are
    /// scored (the last target row is two below them): a causal context, whose output rows depend only on the rows
    /// down to their own, predicts there exactly what it would from the whole grid, for (G − 2) / G of the work.
    /// </summary>
    public Tensor Loss(Tensor features, Func<Tensor, CpcDirection, Tensor> context, IEnumerable<CpcDirection>? directions = null) =>
        stack((directions ?? AllDirections).Select(direction =>
        {
            var oriented = Orient(features, direction);
            return DirectionLoss(context(oriented.narrow(2, 0, ScoredRows(oriented.shape[2])), direction), oriented);
        }).ToList()).sum();

    /// <summary>
    /// The loss in one oriented frame: <paramref name="predictions"/> (B, C·Steps, at least H − 2 rows, W), channels
    /// [C(k−1), Ck) predicting the <paramref name="features"/> (B, C, H, W) k + 1 rows below. Needs H &gt; Steps + 1.
    /// </summary>
    public Tensor DirectionLoss(Tensor predictions, Tensor features)
    {
        var rows = features.shape[2];
        if (GridProblem(rows, Steps) is { } problem) throw new ArgumentException(problem, nameof(features));
        if (predictions.shape[1] != Channels * Steps)
            throw new ArgumentException($"Expected {Channels * Steps} prediction channels, got {predictions.shape[1]}.", nameof(predictions));
        if (predictions.shape[2] < ScoredRows(rows))
            throw new ArgumentException($"Expected predictions for at least {ScoredRows(rows)} rows, got {predictions.shape[2]}.", nameof(predictions));
        var targets = _targetHead.call(features);
        return stack(Enumerable.Range(1, Steps).Select(step =>
        {
            var guesses = Positions(predictions[.., (Channels * (step - 1))..(Channels * step), ..(int)(rows - step - 1)]);
            var truths = CrossRank.Gather(Positions(targets[.., .., (step + 1)..]));
            var offset = CrossRank.Offset(guesses.shape[0]);
            var labels = Range(offset, offset + guesses.shape[0], ScalarType.Int64, guesses.device);
            return nn.functional.cross_entropy(guesses.mm(truths.t()), labels);
        }).ToList()).sum();
    }

    // Rows of predictions the loss scores: those of the first step, whose targets lie two rows below.
    private static long ScoredRows(long rows) => rows - 2;

    private Tensor Positions(Tensor grid) => grid.permute(0, 2, 3, 1).reshape(-1, Channels);
}
