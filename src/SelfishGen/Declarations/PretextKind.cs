namespace SelfishGen;

/// <summary>The pretext task that turns unlabelled images into network inputs and targets.</summary>
public enum PretextKind
{
    /// <summary>Each image is shown at 0°, 90°, 180° and 270°; the target is the rotation's index.</summary>
    Rotation,
}
