using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SelfishGen.Generators.Parsing;

/// <summary>The runtime class that implements each <c>SelfishGen.PretextKind</c>.</summary>
internal static class PretextTypes
{
    private static readonly Dictionary<string, string> ByKind = new()
    {
        ["Rotation"] = "global::SelfishGen.Pretext.RotationPretext",
    };

    /// <summary>The runtime type of the pretext declared by <paramref name="pretext"/>, or null when it is unknown.</summary>
    public static string? Of(AttributeData pretext) =>
        pretext.EnumArguments().SingleOrDefault() is { } kind && ByKind.TryGetValue(kind, out var type) ? type : null;
}
