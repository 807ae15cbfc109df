namespace SelfishGen.Tests.Objectives;

/// <summary>Compares autograd gradients with central finite differences, in double precision.</summary>
internal static class GradientCheck
{
    /// <summary>Asserts that the gradient of the scalar <paramref name="function"/> with respect to every input matches finite differences.</summary>
    public static void Matches(Func<Tensor[], Tensor> function, params Tensor[] inputs)
    {
        const double step = 1e-6;
        var leaves = inputs.Select(t => t.to(float64).detach().requires_grad_(true)).ToArray();
        function(leaves).backward();
        for (var i = 0; i < leaves.Length; i++)
        {
            var analytic = leaves[i].grad!.flatten();
            for (var j = 0; j < leaves[i].numel(); j++)
            {
                using var _ = no_grad();
                var numeric = (Shifted(function, leaves, i, j, step) - Shifted(function, leaves, i, j, -step)) / (2 * step);
                Assert.Equal(numeric, analytic[j].ToDouble(), 6);
            }
        }
    }

    private static double Shifted(Func<Tensor[], Tensor> function, Tensor[] leaves, int input, int element, double step)
    {
        var shifted = leaves.Select(t => t.detach().clone()).ToArray();
        shifted[input].view(-1)[element].add_(step);
        return function(shifted).ToDouble();
    }
}
