using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>Writes a method's registry entry: name, summary, options schema and factory.</summary>
internal static class DescriptorEmitter
{
    // The hyperparameter every method inherits from SelfishGen.MethodOptions; Auto is the declared backbone, if any.
    private static string Backbone(MethodModel method)
    {
        var auto = method.Composition.OwnBackbone is { } own ? $" (Auto: {own.Name.Substring(own.Name.LastIndexOf('.') + 1)}, the declared one)" : "";
        return $"new(\"Backbone\", \"BackboneKind\", \"Auto\", {CSharpLiterals.String($"The backbone the method builds when its constructor is given none{auto}.")}),";
    }

    /// <summary>Writes the static <c>Descriptor</c> property of <paramref name="method"/>.</summary>
    public static void Write(SourceWriter writer, MethodModel method)
    {
        writer.Line($"/// <summary>The registry entry of {method.Name}: name, summary, hyperparameters and factory.</summary>");
        writer.Line("public static global::SelfishGen.MethodDescriptor Descriptor { get; } = new(");
        using (writer.Indented())
        {
            writer.Line($"nameof({method.Name}),");
            writer.Line($"{CSharpLiterals.String(method.Summary)},");
            writer.Line("typeof(Options),");
            writer.Line("[");
            using (writer.Indented())
            {
                foreach (var hyperparameter in method.Hyperparameters)
                    writer.Line($"new({CSharpLiterals.String(hyperparameter.Name)}, {CSharpLiterals.String(hyperparameter.TypeName)}, {CSharpLiterals.String(hyperparameter.Default)}, {CSharpLiterals.String(hyperparameter.Description)}),");
                writer.Line(Backbone(method));
            }
            writer.Line("],");
            writer.Line($"static (data, options, backbone) => new {method.Name}(data, (Options?)options, backbone)){(method.Recipe.Count == 0 ? ";" : "")}");
        }
        if (method.Recipe.Count > 0)
            WriteRecipe(writer, method);
    }

    /// <summary>Writes the <c>Recipe</c> initializer of the descriptor: what the method's <c>[Recipe]</c> sets.</summary>
    private static void WriteRecipe(SourceWriter writer, MethodModel method)
    {
        using (writer.Block(closing: "};"))
        {
            using (writer.Block("Recipe = new()", closing: "},"))
            {
                foreach (var setting in method.Recipe)
                    writer.Line($"{setting.Name} = {setting.DefaultExpression},");
            }
        }
    }
}
