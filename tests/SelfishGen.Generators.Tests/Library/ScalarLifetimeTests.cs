using SelfishGen.Generators.Tests.Infrastructure;

namespace SelfishGen.Generators.Tests.Library;

/// <summary>
/// The runtime library (its own sources and the methods generated from its declarations) never lets TorchSharp's
/// finalizer free a <c>Scalar</c> that a native call may still read: no number becomes a <c>Scalar</c> through a
/// conversion, and every <c>ToScalar()</c> is kept alive by a field or a <c>using</c> declaration.
/// </summary>
public class ScalarLifetimeTests
{
    [Fact]
    public void The_library_compiles_from_its_sources_so_the_scan_sees_every_line()
    {
        var library = LibrarySources.Compile();

        var files = library.Compilation.SyntaxTrees.Select(tree => Path.GetFileName(tree.FilePath)).ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {LibrarySources.Folder}");
        Assert.Contains("SelfishGen.Methods.MoCo.g.cs", files);
        Assert.Empty(library.Errors);
    }

    [Fact]
    public void No_number_becomes_a_Scalar_by_conversion_or_without_an_owner()
    {
        var findings = ScalarUses.Find(LibrarySources.Compile().Compilation);

        Assert.True(findings.Count == 0,
            $"{findings.Count} short-lived Scalar(s): use a cached static readonly Scalar (made with ToScalar()), " +
            $"or 'using var s = value.ToScalar();' before the call\n{string.Join("\n", findings)}");
    }

    [Fact]
    public void The_scan_finds_each_kind_of_short_lived_Scalar()
    {
        var findings = ScalarUses.Find(TestCompilation.Create(
            """
            using TorchSharp;
            static class Bad
            {
                static torch.Tensor Sum(torch.Tensor x, torch.Tensor y) => x + y;
                static torch.Tensor Implicit(torch.Tensor x) => x * 0.5;
                static torch.Tensor Cast(torch.Tensor x) => x.mul((Scalar)2.0);
                static torch.Tensor Inline(torch.Tensor x) => x.clamp(0.0.ToScalar(), 1.0.ToScalar());
                static torch.Tensor Unowned(torch.Tensor x) { var half = 0.5.ToScalar(); return x.mul(half); }
                static readonly Scalar Two = 2.ToScalar();
                static torch.Tensor NotATensor(torch.Tensor x) => torch.pow(Two, x);
            }
            static class Good
            {
                static readonly Scalar Half = 0.5.ToScalar();
                static torch.Tensor Cached(torch.Tensor x) => x.mul(Half);
                static torch.Tensor Owned(torch.Tensor x, double f) { using var factor = f.ToScalar(); return x.mul(factor); }
            }
            """));

        Assert.Equal(
            ["Demo.cs:4 inside TorchSharp", "Demo.cs:5 inside TorchSharp", "Demo.cs:6 cast", "Demo.cs:7 ToScalar", "Demo.cs:7 ToScalar", "Demo.cs:8 ToScalar", "Demo.cs:10 Scalar to Tensor"],
            findings.Select(f => $"{f.File}:{f.Line} {f.Kind}"));
    }
}
