using System.Linq;
using SelfishGen.Generators.Hyperparameters;
using SelfishGen.Generators.Model;

namespace SelfishGen.Generators.Emit;

/// <summary>
/// Writes a method's <c>Options</c> record: its hyperparameters with their defaults, and their validation: each value's
/// range, the choice of views against the declared ones (<see cref="ViewsOption"/>), then the relations between values
/// that the runtime checks (<see cref="RelationTable"/>).
/// </summary>
internal static class OptionsEmitter
{
    /// <summary>Writes the nested <c>Options</c> record of <paramref name="method"/>.</summary>
    public static void Write(SourceWriter writer, MethodModel method)
    {
        writer.Line($"/// <summary>Hyperparameters of <see cref=\"{method.Name}\"/>; the defaults come from its declaration.</summary>");
        using (writer.Block("public sealed record Options : global::SelfishGen.MethodOptions"))
        {
            foreach (var hyperparameter in method.Hyperparameters)
            {
                writer.Line($"/// <summary>{XmlDoc.Escape(hyperparameter.Description)}</summary>");
                writer.Line($"public {hyperparameter.CSharpType} {hyperparameter.Name} {{ get; init; }} = {hyperparameter.DefaultExpression};");
            }
            writer.Line();
            writer.Line("/// <inheritdoc />");
            using (writer.Block("public override global::System.Collections.Generic.IEnumerable<string> Validate()"))
            {
                writer.Line("foreach (var error in base.Validate())");
                using (writer.Indented())
                    writer.Line("yield return error;");
                foreach (var hyperparameter in method.Hyperparameters)
                {
                    if (hyperparameter.Rule is { } rule)
                        WriteCheck(writer, hyperparameter, rule);
                }
                if (method.Hyperparameters.FirstOrDefault(hyperparameter => hyperparameter.Name == ViewsOption.Name) is { } views)
                    WriteViewsCheck(writer, views);
                var options = method.Hyperparameters.Select(hyperparameter => hyperparameter.Name).ToList();
                foreach (var relation in RelationTable.All.Where(relation => relation.AppliesTo(options)))
                    WriteCheck(writer, relation, method.Composition.ViewCount);
            }
        }
    }

    // if (!(LabelSmoothing >= 0.0 && LabelSmoothing < 1.0)) yield return ...; for arrays, the same inside a foreach.
    private static void WriteCheck(SourceWriter writer, HyperparameterModel hyperparameter, ValueRule rule)
    {
        if (!hyperparameter.Type.IsArray())
        {
            WriteCheck(writer, hyperparameter.Name, hyperparameter.Type, rule);
            return;
        }
        using (writer.Block($"foreach (var value in {hyperparameter.Name})"))
            WriteCheck(writer, "value", hyperparameter.Type, rule);
    }

    // if (global::SelfishGen.Views.ViewPipelines.ChoiceProblem(Views, [...the declared views...]) is { } viewsProblem) yield return viewsProblem;
    private static void WriteViewsCheck(SourceWriter writer, HyperparameterModel views)
    {
        writer.Line($"if ({ViewsOption.RuntimeCheck}({views.Name}, {views.DefaultExpression}) is {{ }} viewsProblem)");
        using (writer.Indented())
            writer.Line("yield return viewsProblem;");
    }

    // if (Grid >= 2 && Steps >= 1 && global::SelfishGen.Objectives.CpcLoss.GridProblem(Grid, Steps) is { } problem) yield return problem;
    private static void WriteCheck(SourceWriter writer, HyperparameterRelation relation, int views)
    {
        writer.Line($"if ({relation.OperandsInRange} && {relation.Call(views)} is {{ }} problem)");
        using (writer.Indented())
            writer.Line("yield return problem;");
    }

    private static void WriteCheck(SourceWriter writer, string value, HyperparameterType type, ValueRule rule)
    {
        writer.Line($"if (!({rule.Range.Condition(value, type)}))");
        using (writer.Indented())
            writer.Line($"yield return global::System.FormattableString.Invariant(${CSharpLiterals.String(rule.Message($"{{{value}}}"))});");
    }
}
