using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace SelfishGen.Testing;

/// <summary>One method declaration written by <see cref="RandomDeclarations"/>: a class name and its attributes.</summary>
/// <param name="Name">The class name, unique in a sample (e.g. <c>Sample007</c>).</param>
/// <param name="Attributes">The attribute list, one attribute per line, e.g. <c>[Views(ViewAugmentation.SimClr)]</c>.</param>
/// <param name="BaseClass">The class it derives from.</param>
internal sealed record RandomDeclaration(string Name, IReadOnlyList<string> Attributes, string BaseClass)
{
    /// <summary>The namespace every sampled class is declared in.</summary>
    public const string Namespace = "Samples";

    /// <summary>The file that declares the class.</summary>
    public string Source => $"using SelfishGen;\n\nnamespace {Namespace};\n\n{this}\n";

    /// <summary>
    /// Whether a property is set to <see cref="RandomDeclarations.Huge"/>, or a head's widths are scaled up from a
    /// backbone far narrower than the test's ConvNet (<c>ScaleWithFeatures = 1</c> makes a 1024-wide layer 131,072 wide
    /// on its 128 features: tens of gigabytes).
    /// </summary>
    public bool HasHugeValue => Attributes.Any(attribute => attribute.Contains($" = {RandomDeclarations.Huge}", StringComparison.Ordinal)
                                                            || ScaledFromNarrow.IsMatch(attribute));

    // ScaleWithFeatures = 1 … 63: widths multiplied by more than 2 on a 128-feature backbone.
    private static readonly Regex ScaledFromNarrow = new(@"ScaleWithFeatures = ([1-9]|[1-5][0-9]|6[0-3])\b");

    /// <summary>The declaration as a user would write it: its attributes, then the class line.</summary>
    public override string ToString() => $"{string.Join("\n", Attributes)}\npublic partial class {Name} : {BaseClass};";
}

/// <summary>
/// Writes seeded random method declarations from the attribute vocabulary of the runtime, as a user trying things
/// would: a family's usual pieces (a pretext task and its objective, views with a projector and an objective on them,
/// or predictive coding), some optional pieces, every attribute property set now and then, mostly to values near its
/// default and sometimes to values out of range, and now and then a piece dropped or a foreign one added. The same
/// seed always gives the same declarations.
/// </summary>
/// <remarks>
/// The generator tests compile a large sample and check that each declaration either gets an SSG error or generates
/// code that compiles; the runtime tests train a smaller sample of the accepted ones. Both take their declarations
/// from here, so the two samples cannot drift apart. Attribute properties and their defaults are read from the
/// runtime attributes by reflection, so a new property is sampled as soon as it exists.
/// </remarks>
internal sealed class RandomDeclarations
{
    /// <summary>The seed both test projects sample with.</summary>
    public const int Seed = 18;

    /// <summary>The very large count the sampler writes now and then (to find overflows); no tiny test can train with it.</summary>
    public const int Huge = 1_000_000;

    /// <summary>The attributes that make up a pretext method: the task, and an objective for its targets.</summary>
    public static readonly string[] PretextObjectives = ["Classification", "Reconstruction", "PixelClassification", "Adversarial"];

    /// <summary>The objective that fits each pretext task's targets; the sampler mostly pairs a task with it.</summary>
    public static readonly IReadOnlyDictionary<PretextKind, string> PretextObjective = new Dictionary<PretextKind, string>
    {
        [PretextKind.Rotation] = "Classification", [PretextKind.Jigsaw] = "Classification", [PretextKind.Exemplar] = "Classification",
        [PretextKind.Denoise] = "Reconstruction", [PretextKind.Inpaint] = "Reconstruction", [PretextKind.Latent] = "Adversarial",
        [PretextKind.ColorSplit] = "PixelClassification",
    };

    /// <summary>The objectives on views.</summary>
    public static readonly string[] ViewObjectives = ["Contrastive", "Bootstrap", "BarlowTwins", "VicReg", "Dino", "Objective"];

    /// <summary>
    /// The types a declaration may name, per attribute: runtime types that fit their part and some that do not (not
    /// an objective, no constructor of the right form), so both verdicts are sampled.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> OwnTypes = new Dictionary<string, string[]>
    {
        ["Views"] = ["SelfishGen.Augmentations.HorizontalFlip", "SelfishGen.Views.JigsawView", "SelfishGen.Augmentations.Compose", "SelfishGen.Augmentations.Rotation"],
        ["Objective"] = ["SelfishGen.Objectives.NtXentLoss", "SelfishGen.Objectives.NtXentLoss", "SelfishGen.Objectives.InfoNceLoss"],
        ["Backbone"] = ["SelfishGen.Modules.ConvNet", "SelfishGen.Modules.ResNet18", "SelfishGen.Modules.LabSplitBackbone", "SelfishGen.Augmentations.Invert"],
    };

    /// <summary>Optional pieces of a method on views.</summary>
    public static readonly string[] ViewPieces = ["Predictor", "MomentumEncoder", "LabEncoders"];

    /// <summary>Every attribute the sampler writes: a test checks that it is every method attribute of the runtime.</summary>
    public static readonly string[] Vocabulary =
        ["Pretext", "Views", "Projector", "PredictiveCoding", "Backbone", .. PretextObjectives, .. ViewObjectives, .. ViewPieces];

    private const int Families = 10;
    private static readonly Assembly Runtime = typeof(SelfSupervisedMethod).Assembly;
    private readonly Random _random;

    private RandomDeclarations(int seed) => _random = new Random(seed);

    /// <summary>The first <paramref name="count"/> declarations drawn from <paramref name="seed"/>, named <c>Sample000</c>, <c>Sample001</c>, ….</summary>
    public static IReadOnlyList<RandomDeclaration> Sample(int count, int seed = Seed)
    {
        var sampler = new RandomDeclarations(seed);
        return [.. Enumerable.Range(0, count).Select(index => sampler.Next(index, $"Sample{index:000}"))];
    }

    /// <summary>The runtime type of the attribute <paramref name="name"/> (e.g. <c>Views</c>).</summary>
    public static Type AttributeType(string name) =>
        Runtime.GetType($"SelfishGen.{name}Attribute") ?? throw new InvalidOperationException($"The runtime has no [{name}].");

    // Families and pretext kinds take turns, so that even a small sample holds each of them in its share; pieces,
    // objectives on views and values are drawn.
    private RandomDeclaration Next(int index, string name)
    {
        var kinds = Enum.GetValues<PretextKind>();
        var kind = kinds[index / Families % kinds.Length];
        var pieces = Family(index % Families, kind);
        if (Chance(0.15) && pieces.Count > 1)
            pieces.RemoveAt(_random.Next(pieces.Count));
        if (Chance(0.15))
            pieces.Add(Pick(Vocabulary.Except(pieces).ToArray()));
        if (Chance(0.1) && !pieces.Contains("Backbone"))
            pieces.Insert(0, "Backbone");
        var adversarial = pieces.Contains("Adversarial") != Chance(0.05);
        return new RandomDeclaration(name, [.. pieces.Select(piece => Attribute(piece, kind))], adversarial ? "AdversarialMethod" : "SelfSupervisedMethod");
    }

    // A family's usual pieces, in the order a user writes them (family 0–2: a pretext task of the given kind, sometimes
    // behind a view, 3: CPC, 4–9: views).
    private List<string> Family(int family, PretextKind kind)
    {
        if (family < 3)
            return [.. Chance(0.3) ? ["Views"] : Array.Empty<string>(), "Pretext", Chance(0.8) ? PretextObjective[kind] : Pick(PretextObjectives)];
        if (family == 3)
            return ["PredictiveCoding"];
        var objective = Pick(ViewObjectives);
        var pieces = new List<string> { "Views", "Projector" };
        if (Chance(objective == "Bootstrap" ? 0.9 : 0.1))
            pieces.Add("Predictor");
        if (Chance(objective is "Dino" ? 0.9 : objective is "Bootstrap" or "Contrastive" ? 0.5 : 0.15))
            pieces.Add("MomentumEncoder");
        if (Chance(0.05))
            pieces.Add("LabEncoders");
        pieces.Add(objective);
        return pieces;
    }

    // [Name(constructor arguments, Property = value, ...)], each property set with some chance (one or two in all).
    private string Attribute(string name, PretextKind kind)
    {
        var type = AttributeType(name);
        var arguments = new List<string>();
        if (OwnTypes.TryGetValue(name, out var types) && (name != "Views" || Chance(0.15)))
            arguments.Add(string.Join(", ", Enumerable.Range(0, name == "Views" ? _random.Next(1, 4) : 1).Select(_ => $"typeof({Pick(types)})")));
        else if (BuiltInConstructor(type).GetParameters() is [var parameter] && ConstructorArgument(parameter.ParameterType, kind) is { Length: > 0 } argument)
            arguments.Add(argument);
        var defaults = type.GetConstructor(Type.EmptyTypes) is { } empty ? empty.Invoke(null)
            : Activator.CreateInstance(type, DefaultArgument(type));
        var properties = type.GetProperties().Where(p => p.CanWrite).OrderBy(p => p.MetadataToken).ToList();
        foreach (var property in properties)
        {
            if (Chance(Math.Min(0.3, 1.5 / properties.Count)))
                arguments.Add($"{property.Name} = {Value(property.PropertyType, property.GetValue(defaults))}");
        }
        return arguments.Count == 0 ? $"[{name}]" : $"[{name}({string.Join(", ", arguments)})]";
    }

    // The pretext kind, or a list of views: mostly two, sometimes one, three or none.
    private string ConstructorArgument(Type type, PretextKind kind)
    {
        if (type == typeof(PretextKind))
            return $"{nameof(PretextKind)}.{kind}";
        if (!type.IsArray)
            throw new NotSupportedException($"The sampler cannot write a constructor argument of type {type.Name}: teach it.");
        var count = _random.NextDouble() switch { < 0.03 => 0, < 0.2 => 1, < 0.92 => 2, _ => 3 };
        return string.Join(", ", Enumerable.Range(0, count).Select(_ => EnumMember(type.GetElementType()!)));
    }

    private static object DefaultArgument(Type attribute)
    {
        var type = BuiltInConstructor(attribute).GetParameters().Single().ParameterType;
        return type == typeof(Type) ? typeof(object)
            : type.IsArray ? Array.CreateInstance(type.GetElementType()!, 0) : Enum.GetValues(type).GetValue(0)!;
    }

    // The attribute's constructor of built-in pieces ([Views] has another, of types of the user's own), or its only one.
    private static ConstructorInfo BuiltInConstructor(Type attribute) =>
        attribute.GetConstructors().OrderBy(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(Type))).First();

    private string Value(Type type, object? defaultValue) => defaultValue switch
    {
        int value => IntValue(value).ToString(CultureInfo.InvariantCulture),
        double value => DoubleValue(value),
        bool => Chance(0.5) ? "true" : "false",
        int[] => $"[{string.Join(", ", Enumerable.Range(0, _random.Next(3)).Select(_ => Chance(0.9) ? _random.Next(4, 65) : _random.Next(-1, 1)))}]",
        Enum => EnumMember(type),
        _ => throw new NotSupportedException($"The sampler cannot write a value of type {type.Name}: teach it."),
    };

    // Mostly near the default (halved, doubled, or a small count), sometimes 0, −1 or very large.
    private int IntValue(int defaultValue) => _random.Next(10) switch
    {
        < 3 => defaultValue,
        3 => Math.Max(1, defaultValue / 2),
        4 => defaultValue * 2,
        < 8 => _random.Next(1, 9),
        8 => _random.Next(-1, 1),
        _ => Huge,
    };

    // Mostly the default scaled a little (or a small fraction when it is 0), sometimes 0, negative, 1 or 2.
    private string DoubleValue(double defaultValue)
    {
        var value = _random.Next(10) switch
        {
            < 6 when defaultValue != 0 => defaultValue * Pick([0.5, 1.0, 1.5]),
            < 6 => Pick([0.0, 0.05, 0.2]),
            6 => 0.0,
            7 => -0.5,
            8 => 1.0,
            _ => 2.0,
        };
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private string EnumMember(Type type) => $"{type.Name}.{Pick(Enum.GetNames(type))}";

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private bool Chance(double probability) => _random.NextDouble() < probability;
}
