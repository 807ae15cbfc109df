namespace SelfishGen.Tests.State;

/// <summary>Assertions on whole tensors.</summary>
internal static class TensorAssert
{
    /// <summary>Asserts the two tensors have the same shape and bit-identical elements.</summary>
    public static void Identical(Tensor expected, Tensor actual, string? what = null)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(expected.eq(actual).all().ToBoolean(), what ?? "the tensors differ");
    }
}
