namespace SelfishGen.Modules;

/// <summary>When <see cref="ChannelAlignment"/> pads convolutions' output channels.</summary>
public enum ChannelAlignmentMode
{
    /// <summary>When the start-up check finds the defect in the loaded libtorch.</summary>
    Auto,

    /// <summary>Always (on CPU).</summary>
    On,

    /// <summary>Never.</summary>
    Off,
}
