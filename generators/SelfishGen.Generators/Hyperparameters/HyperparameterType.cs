namespace SelfishGen.Generators.Hyperparameters;

/// <summary>The value types a hyperparameter can have.</summary>
internal enum HyperparameterType
{
    /// <summary>A <c>double</c>.</summary>
    Double,

    /// <summary>An <c>int</c>.</summary>
    Int32,

    /// <summary>An <c>int[]</c>; its rule applies to each element.</summary>
    Int32Array,

    /// <summary>A <c>bool</c>.</summary>
    Boolean,

    /// <summary>A member of the enum type of the attribute property (e.g. <c>LatentDistribution</c>).</summary>
    Enum,

    /// <summary>An array of members of an enum type (the declared views' <c>ViewAugmentation</c>s).</summary>
    EnumArray,
}

/// <summary>What the emitter and analyzers need to know of a <see cref="HyperparameterType"/>.</summary>
internal static class HyperparameterTypes
{
    /// <summary>The C# keyword of the type, e.g. <c>int[]</c>; an enum has none (its name is the attribute property's type).</summary>
    public static string CSharpName(this HyperparameterType type) => type switch
    {
        HyperparameterType.Double => "double",
        HyperparameterType.Int32 => "int",
        HyperparameterType.Boolean => "bool",
        HyperparameterType.Int32Array => "int[]",
        _ => throw new System.ArgumentOutOfRangeException(nameof(type), type, "An enum type has no keyword."),
    };

    /// <summary>Whether values are arrays whose elements the rule checks one by one.</summary>
    public static bool IsArray(this HyperparameterType type) => type is HyperparameterType.Int32Array or HyperparameterType.EnumArray;

    /// <summary>Whether the (element) values are integers.</summary>
    public static bool IsInteger(this HyperparameterType type) => type is HyperparameterType.Int32 or HyperparameterType.Int32Array;
}
