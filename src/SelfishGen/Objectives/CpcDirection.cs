namespace SelfishGen.Objectives;

/// <summary>The direction in which contrastive predictive coding predicts across a grid of patch features.</summary>
public enum CpcDirection
{
    /// <summary>From upper rows to lower rows.</summary>
    TopToBottom,

    /// <summary>From lower rows to upper rows.</summary>
    BottomToTop,

    /// <summary>From left columns to right columns.</summary>
    LeftToRight,

    /// <summary>From right columns to left columns.</summary>
    RightToLeft,
}
