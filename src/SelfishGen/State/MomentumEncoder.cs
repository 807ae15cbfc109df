using static SelfishGen.Hosting.Scalars;
using static TorchSharp.torch;

namespace SelfishGen.State;

/// <summary>
/// A frozen target copy of an online network that follows it by exponential moving average (MoCo, BYOL, DINO).
/// The target is a registered sub-module, so saving the owner saves it.
/// </summary>
/// <remarks>
/// After <see cref="Update"/>, every target parameter and floating-point buffer (e.g. BatchNorm running statistics)
/// is θ_t ← m·θ_t + (1 − m)·θ_o; other buffers (e.g. num_batches_tracked) are copied. The forward runs the target
/// without gradient, in whatever train/eval mode the owner sets, and without stochastic depth (as the papers' targets
/// and teachers do).
/// </remarks>
public sealed class MomentumEncoder : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _online;
    private readonly nn.Module<Tensor, Tensor> _target;

    /// <summary>
    /// Follows <paramref name="online"/> with <paramref name="target"/>, a second, identically built instance: its
    /// state is overwritten with the online one and its parameters are frozen.
    /// </summary>
    public MomentumEncoder(nn.Module<Tensor, Tensor> online, nn.Module<Tensor, Tensor> target) : base(nameof(MomentumEncoder))
    {
        _online = online;
        _target = target;
        CheckSameLayout(online, target);
        register_module("target", target);
        foreach (var parameter in target.parameters()) parameter.requires_grad = false;
        Modules.StochasticDepth.TurnOffIn(target);
        Update(momentum: 0);
    }

    /// <summary>The target network (frozen; changed only by <see cref="Update"/>).</summary>
    public nn.Module<Tensor, Tensor> Target => _target;

    /// <summary>Moves the target towards the online network: θ_t ← m·θ_t + (1 − m)·θ_o, over parameters and buffers.</summary>
    public void Update(double momentum)
    {
        if (momentum is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1].");
        using var _ = no_grad();
        using var kept = momentum.ToScalar();
        using var added = (1 - momentum).ToScalar();
        var online = _online.named_parameters().Select(p => (p.name, (Tensor)p.parameter))
            .Concat(_online.named_buffers()).ToDictionary(p => p.Item1, p => p.Item2);
        foreach (var (name, target) in _target.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(_target.named_buffers()))
        {
            var source = online[name];
            if (target.is_floating_point()) target.mul_(kept).add_(source, alpha: added);
            else target.copy_(source);
        }
    }

    /// <summary>The target network's output for <paramref name="input"/>, without gradient.</summary>
    public override Tensor forward(Tensor input)
    {
        using var _ = no_grad();
        return _target.call(input);
    }

    private static void CheckSameLayout(nn.Module online, nn.Module target)
    {
        static string Layout(nn.Module module) => string.Join(";",
            module.named_parameters().Select(p => $"{p.name}{Shape(p.parameter)}")
                .Concat(module.named_buffers().Select(b => $"{b.name}{Shape(b.buffer)}")));
        static string Shape(Tensor t) => $"[{string.Join(",", t.shape)}]";
        if (Layout(online) != Layout(target))
            throw new ArgumentException("The target must be built exactly like the online network (same parameters and buffers).", nameof(target));
    }
}
