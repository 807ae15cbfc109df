using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfishGen;

/// <summary>Builds a method's options from its defaults and <c>Name=Value</c> overrides (from a command line or a config).</summary>
public static class OptionOverrides
{
    /// <summary>
    /// The options of <paramref name="method"/> with each of <paramref name="overrides"/> applied. Names are
    /// case-insensitive; arrays are written <c>1024,256</c>; enums by member name, case-insensitive (arrays of them
    /// <c>MoCoV2,MoCoV2</c>). The result is
    /// validated.
    /// </summary>
    public static MethodOptions Apply(MethodDescriptor method, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var defaults = (MethodOptions)Activator.CreateInstance(method.OptionsType)!;
        var json = JsonSerializer.SerializeToNode(defaults, method.OptionsType, Checkpoint.Json)!.AsObject();
        foreach (var (name, text) in overrides)
        {
            var property = json.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(
                    $"{method.Name} has no hyperparameter '{name}'. Its hyperparameters: {string.Join(", ", json.Select(p => p.Key))}.");
            var type = method.OptionsType.GetProperty(property)!.PropertyType;
            var qualified = $"{method.Name}.{property}";
            json[property] = type.IsEnum ? EnumMember(text, type, qualified)
                : type.GetElementType() is { IsEnum: true } member ? new JsonArray([.. Elements(text).Select(element => EnumMember(element, member, qualified))])
                : Parse(text, json[property], qualified);
        }
        try
        {
            var options = (MethodOptions)json.Deserialize(method.OptionsType, Checkpoint.Json)!;
            return options.EnsureValid<MethodOptions>();
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"Invalid value for {method.Name}.{error.Path?.TrimStart('$', '.')}: {error.Message}");
        }
    }

    /// <summary>Splits <c>Name=Value</c> into a pair; throws naming the text when there is no '='.</summary>
    public static KeyValuePair<string, string> ParsePair(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
            throw new ArgumentException($"'{text}' is not of the form Name=Value (e.g. Temperature=0.2).");
        return new(text[..equals].Trim(), text[(equals + 1)..].Trim());
    }

    private static JsonNode? Parse(string text, JsonNode? current, string name)
    {
        try
        {
            return current?.GetValueKind() switch
            {
                JsonValueKind.Array => new JsonArray([.. Elements(text).Select(Number)]),
                JsonValueKind.Number => Number(text),
                JsonValueKind.True or JsonValueKind.False => JsonValue.Create(bool.Parse(text)),
                _ => JsonValue.Create(text),
            };
        }
        catch (FormatException)
        {
            throw new ArgumentException($"'{text}' is not a valid value for {name} (current value {current?.ToJsonString()}).");
        }
    }

    // "1024, 256" → "1024", "256"
    private static string[] Elements(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The member of the enum type whose name is text, ignoring case; throws listing the members otherwise.
    private static JsonNode EnumMember(string text, Type type, string name) =>
        Enum.GetNames(type).FirstOrDefault(member => string.Equals(member, text, StringComparison.OrdinalIgnoreCase)) is { } member
            ? JsonValue.Create(member)
            : throw new ArgumentException($"'{text}' is not a valid value for {name}: use one of {string.Join(", ", Enum.GetNames(type))}.");

    private static JsonNode Number(string text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
