namespace SelfishGen;

/// <summary>
/// Declares two encoders over the Lab colour space (CMC): the backbone sees the lightness L of the first view, a
/// second, identically built backbone the colour channels ab of the second view. Needs colour images.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LabEncodersAttribute : Attribute;
