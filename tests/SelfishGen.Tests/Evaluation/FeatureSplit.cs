using SelfishGen.Evaluation;

namespace SelfishGen.Tests.Evaluation;

/// <summary>A training and a test feature set, disposed together.</summary>
internal sealed record FeatureSplit(LabelledFeatures Train, LabelledFeatures Test) : IDisposable
{
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
