using SelfishGen.Objectives;
using SelfishGen.Tests.State;

namespace SelfishGen.Tests.Objectives;

public sealed class DinoLossTests
{
    private static double CrossEntropy(double[] teacherProbabilities, double[] studentLogits)
    {
        var normaliser = Math.Log(studentLogits.Sum(Math.Exp));
        return -teacherProbabilities.Select((p, k) => p * (studentLogits[k] - normaliser)).Sum();
    }

    [Fact]
    public void The_teacher_temperature_warms_up_linearly_then_stays()
    {
        var loss = new DinoLoss(4);

        Assert.Equal(0.04, loss.TeacherTemperatureAt(0), 12);
        Assert.Equal(0.055, loss.TeacherTemperatureAt(0.15), 12);
        Assert.Equal(0.07, loss.TeacherTemperatureAt(0.3), 12);
        Assert.Equal(0.07, loss.TeacherTemperatureAt(0.9), 12);
    }

    [Fact]
    public void It_averages_the_cross_entropy_over_pairs_of_different_views_and_moves_the_centre()
    {
        using var scope = NewDisposeScope();
        var loss = new DinoLoss(2, studentTemperature: 1, teacherTemperature: 0.5, warmupTeacherTemperature: 0.5);
        var teacher0 = Math.Log(3) / 2;
        var teachers = new[] { tensor(new[,] { { (float)teacher0, 0f } }), tensor(new float[,] { { 0, 0 } }) };
        var students = new[] { tensor(new float[,] { { 1, -1 } }), tensor(new[,] { { 0f, (float)Math.Log(3) } }), tensor(new float[,] { { 2, 0 } }) };

        var value = loss.Loss(students, teachers, progress: 0.5).ToDouble();

        // Teacher 0 → softmax([ln 3, 0]) = [3/4, 1/4]; teacher 1 → [1/2, 1/2]. Pairs (0,1), (0,2), (1,0), (1,2).
        double[] p0 = [0.75, 0.25], p1 = [0.5, 0.5];
        var expected = (CrossEntropy(p0, [0, Math.Log(3)]) + CrossEntropy(p0, [2, 0]) + CrossEntropy(p1, [1, -1]) + CrossEntropy(p1, [2, 0])) / 4;
        Assert.Equal(expected, value, 5);
        Assert.True(allclose(loss.Center, tensor(new[,] { { (float)(0.1 * teacher0 / 2), 0f } })));
    }

    [Fact]
    public void The_centre_is_subtracted_from_the_teacher()
    {
        using var scope = NewDisposeScope();
        var loss = new DinoLoss(2, studentTemperature: 1, teacherTemperature: 1, warmupTeacherTemperature: 1, centerMomentum: 0);
        var teacher = new[] { tensor(new float[,] { { 5, 0 } }) };
        var students = new[] { zeros(1, 2), tensor(new[,] { { 0f, (float)Math.Log(3) } }) };
        loss.Loss(students, teacher, 0);

        var value = loss.Loss(students, teacher, 0).ToDouble();

        Assert.Equal(CrossEntropy([0.5, 0.5], [0, Math.Log(3)]), value, 5);
    }

    [Fact]
    public void No_gradient_reaches_the_teacher()
    {
        using var scope = NewDisposeScope();
        var teacher = randn([3, 5], requires_grad: true);
        var student = randn([3, 5], requires_grad: true);

        new DinoLoss(5).Loss([randn(3, 5), student], [teacher], 0.1).backward();

        Assert.NotNull(student.grad);
        Assert.Null(teacher.grad);
    }

    [Fact]
    public void Save_then_load_restores_the_centre_exactly()
    {
        using var scope = NewDisposeScope();
        var saved = new DinoLoss(3);
        saved.Loss([randn(4, 3), randn(4, 3)], [randn(4, 3)], 0.2);
        var restored = new DinoLoss(3);

        SavedModule.CopyThroughFile(saved, restored);

        Assert.NotEqual(0, saved.Center.abs().sum().ToDouble());
        TensorAssert.Identical(saved.Center, restored.Center);
    }
}
