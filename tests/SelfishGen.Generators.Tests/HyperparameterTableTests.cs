using System.Reflection;
using SelfishGen.Generators.Emit;
using SelfishGen.Generators.Hyperparameters;

namespace SelfishGen.Generators.Tests;

/// <summary>The hyperparameter table agrees with the runtime attributes, and its option names never clash.</summary>
public class HyperparameterTableTests
{
    public static TheoryData<string, string> Rows
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach (var row in HyperparameterTable.All)
                rows.Add(row.Attribute, row.Property);
            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_default_is_the_runtime_attribute_default(string attribute, string property)
    {
        var row = HyperparameterTable.All.Single(r => r.Attribute == attribute && r.Property == property);
        var type = typeof(SelfSupervisedMethod).Assembly.GetType(attribute, throwOnError: true)!;
        var constructor = type.GetConstructors().First();
        var instance = constructor.Invoke([.. constructor.GetParameters().Select(p => EmptyArgument(p.ParameterType))]);

        Assert.Equal(row.Default, Literal(type.GetProperty(property)!.GetValue(instance)));
    }

    [Fact]
    public void Option_names_are_unique()
    {
        var clashes = HyperparameterTable.All.GroupBy(row => row.Option).Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.Empty(clashes);
    }

    // An empty array for params arrays, some type for a type, the default value otherwise (e.g. the first PretextKind).
    private static object EmptyArgument(Type type) =>
        type == typeof(Type) ? typeof(object)
        : type.IsArray ? Array.CreateInstance(type.GetElementType()!, 0) : Activator.CreateInstance(type)!;

    private static string Literal(object? value) => value switch
    {
        double number => CSharpLiterals.Double(number),
        int number => CSharpLiterals.Int32(number),
        int[] numbers => CSharpLiterals.Int32Collection(numbers),
        bool flag => flag ? "true" : "false",
        Enum member => member.ToString(),
        _ => throw new ArgumentException($"Unexpected value {value}"),
    };
}
