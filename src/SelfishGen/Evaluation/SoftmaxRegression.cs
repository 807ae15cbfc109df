using static TorchSharp.torch;

namespace SelfishGen.Evaluation;

/// <summary>
/// Multinomial logistic regression fitted on all the data at once: L-BFGS (two-loop recursion over the last
/// <see cref="History"/> steps) with a backtracking line search, on the mean cross-entropy plus an L2 penalty
/// ½·Σⱼ λⱼ‖W₍:,ⱼ₎‖² on the weights (not the biases), with a penalty λⱼ per input feature. Each iteration is one or a few passes of two matrix products over the
/// data, which replaces thousands of small mini-batch steps.
/// </summary>
internal static class SoftmaxRegression
{
    private const int History = 10;
    private const int MaxHalvings = 30;
    private const double SufficientDecrease = 1e-4;
    private const double GradientTolerance = 1e-5;
    private const double ChangeTolerance = 1e-9;

    private static readonly Scalar One = 1.ToScalar();
    private static readonly Scalar MinusOne = (-1).ToScalar();

    /// <summary>
    /// Fits the classifier of <paramref name="x"/> (N, D) to labels <paramref name="y"/> (N) in [0, classes), from zero
    /// weights, in at most <paramref name="maxIterations"/> iterations, with penalties <paramref name="penalties"/>
    /// (D), or none when null; returns the weights and biases as one (classes, D + 1) tensor (biases last) and the
    /// objective after each iteration.
    /// </summary>
    public static (Tensor Parameters, List<double> Losses) Fit(Tensor x, Tensor y, int classes, Tensor? penalties, int maxIterations)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var objective = new Objective(x, y, penalties);
        var parameters = zeros(classes, x.shape[1] + 1, device: x.device);
        var (loss, gradient) = objective.At(parameters);
        var steps = new List<(Tensor S, Tensor Y, double Rho)>();
        var losses = new List<double>(maxIterations);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            using var iterationScope = NewDisposeScope();
            var direction = Direction(gradient, steps);
            var slope = Dot(gradient, direction);
            if (slope >= 0)
            {
                direction = gradient.neg();
                slope = -Dot(gradient, gradient);
            }
            var step = steps.Count == 0 ? Math.Min(1, 1 / gradient.abs().sum().item<float>()) : 1.0;
            var (next, nextLoss, nextGradient, found) = LineSearch(objective, parameters, direction, loss, slope, step);
            if (!found)
                break;
            var s = next.add(parameters, MinusOne);
            var change = nextGradient.add(gradient, MinusOne);
            var curvature = Dot(s, change);
            if (curvature > 1e-10)
            {
                steps.Add((s.MoveToOuterDisposeScope(), change.MoveToOuterDisposeScope(), 1 / curvature));
                if (steps.Count > History)
                {
                    steps[0].S.Dispose();
                    steps[0].Y.Dispose();
                    steps.RemoveAt(0);
                }
            }
            var decrease = loss - nextLoss;
            parameters.Dispose();
            gradient.Dispose();
            parameters = next.MoveToOuterDisposeScope();
            gradient = nextGradient.MoveToOuterDisposeScope();
            loss = nextLoss;
            losses.Add(loss);
            if (gradient.abs().max().item<float>() < GradientTolerance || decrease < ChangeTolerance * Math.Max(1, Math.Abs(loss)))
                break;
        }
        return (parameters.MoveToOuterDisposeScope(), losses);
    }

    // −H·g by the two-loop recursion, H the inverse-Hessian estimate of the kept steps (scaled by the newest one).
    private static Tensor Direction(Tensor gradient, List<(Tensor S, Tensor Y, double Rho)> steps)
    {
        var q = gradient.neg();
        var alphas = new double[steps.Count];
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            alphas[i] = steps[i].Rho * Dot(steps[i].S, q);
            using var alpha = (-alphas[i]).ToScalar();
            q.add_(steps[i].Y, alpha);
        }
        if (steps.Count > 0)
        {
            using var scale = (1 / (steps[^1].Rho * Dot(steps[^1].Y, steps[^1].Y))).ToScalar();
            q.mul_(scale);
        }
        for (var i = 0; i < steps.Count; i++)
        {
            using var alpha = (alphas[i] - steps[i].Rho * Dot(steps[i].Y, q)).ToScalar();
            q.add_(steps[i].S, alpha);
        }
        return q;
    }

    // Halves the step from `step` until the objective falls by the Armijo condition; not found after MaxHalvings.
    private static (Tensor Parameters, double Loss, Tensor Gradient, bool Found) LineSearch(
        Objective objective, Tensor parameters, Tensor direction, double loss, double slope, double step)
    {
        for (var halving = 0; halving < MaxHalvings; halving++, step /= 2)
        {
            using var size = step.ToScalar();
            var next = parameters.add(direction, size);
            var (nextLoss, nextGradient) = objective.At(next);
            if (nextLoss <= loss + SufficientDecrease * step * slope)
                return (next, nextLoss, nextGradient, true);
            next.Dispose();
            nextGradient.Dispose();
        }
        return (parameters, loss, direction, false);
    }

    private static double Dot(Tensor a, Tensor b) => a.view(-1).dot(b.view(-1)).item<float>();

    /// <summary>The penalised mean cross-entropy and its gradient, over data with a column of ones for the biases.</summary>
    private sealed class Objective
    {
        private readonly Tensor _inputs;
        private readonly Tensor _labels;
        private readonly Tensor _minusOnes;
        private readonly long _features;
        private readonly Tensor? _penalties;

        public Objective(Tensor x, Tensor y, Tensor? penalties)
        {
            _inputs = cat([x, ones(x.shape[0], 1, dtype: x.dtype, device: x.device)], 1);
            _labels = y.unsqueeze(1);
            _minusOnes = full([x.shape[0], 1], MinusOne, dtype: x.dtype, device: x.device);
            _features = x.shape[1];
            _penalties = penalties?.to(x.dtype).unsqueeze(0);
        }

        public (double Loss, Tensor Gradient) At(Tensor parameters)
        {
            using var scope = NewDisposeScope();
            var logProbabilities = _inputs.mm(parameters.t()).log_softmax(1);
            double loss = -logProbabilities.gather(1, _labels).mean().item<float>();
            var residual = logProbabilities.exp_().scatter_add_(1, _labels, _minusOnes);
            using var count = _inputs.shape[0].ToScalar();
            var gradient = residual.t().mm(_inputs).div_(count);
            if (_penalties is not null)
            {
                var penalised = parameters.narrow(1, 0, _features).mul(_penalties);
                gradient.narrow(1, 0, _features).add_(penalised, One);
                loss += Dot(penalised, parameters.narrow(1, 0, _features).contiguous()) / 2;
            }
            return (loss, gradient.MoveToOuterDisposeScope());
        }
    }
}
