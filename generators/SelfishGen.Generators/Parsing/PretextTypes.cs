using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Parsing;

/// <summary>The runtime class that implements each <c>SelfishGen.PretextKind</c>, and the objective its targets suit.</summary>
internal static class PretextTypes
{
    private static readonly Dictionary<string, (string Type, ObjectiveKind Objective)> ByKind = new()
    {
        ["Rotation"] = ("global::SelfishGen.Pretext.RotationPretext", ObjectiveKind.Classification),
        ["Jigsaw"] = ("global::SelfishGen.Pretext.JigsawPretext", ObjectiveKind.Classification),
        ["Exemplar"] = ("global::SelfishGen.Pretext.ExemplarPretext", ObjectiveKind.Classification),
        ["Denoise"] = ("global::SelfishGen.Pretext.DenoisePretext", ObjectiveKind.Reconstruction),
        ["Inpaint"] = ("global::SelfishGen.Pretext.InpaintPretext", ObjectiveKind.Reconstruction),
        ["Latent"] = ("global::SelfishGen.Pretext.LatentPretext", ObjectiveKind.Adversarial),
        ["ColorSplit"] = ("global::SelfishGen.Pretext.ColorSplitPretext", ObjectiveKind.PixelClassification),
    };

    /// <summary>The <c>PretextKind</c> member the <c>[Pretext]</c> of <paramref name="type"/> declares; null without one or when it is unknown.</summary>
    public static string? KindOf(INamedTypeSymbol type) =>
        type.FindAttribute([KnownNames.PretextAttribute]) is { } pretext ? Kind(pretext) : null;

    /// <summary>The <c>PretextKind</c> member <paramref name="pretext"/> declares, or null when it is unknown.</summary>
    public static string? Kind(AttributeData pretext) =>
        pretext.EnumArguments().SingleOrDefault() is { } kind && ByKind.ContainsKey(kind) ? kind : null;

    /// <summary>The fully qualified runtime type of the pretext task <paramref name="kind"/>.</summary>
    public static string TypeOf(string kind) => ByKind[kind].Type;

    /// <summary>The objective whose head fits the targets of the pretext task <paramref name="kind"/>.</summary>
    public static ObjectiveKind ObjectiveOf(string kind) => ByKind[kind].Objective;
}
