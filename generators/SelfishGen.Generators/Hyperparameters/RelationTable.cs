using System.Collections.Generic;
using System.Linq;
using SelfishGen.Generators.Diagnostics;
using static System.FormattableString;
using static SelfishGen.Generators.Hyperparameters.HyperparameterTable;

namespace SelfishGen.Generators.Hyperparameters;

/// <summary>
/// Every relation between hyperparameters (and the declared views) that the runtime checks when a method is built,
/// each with its compile-time twin. The messages are the runtime's, word for word.
/// </summary>
internal static class RelationTable
{
    /// <summary>A jigsaw's permutation classes against its grid: <c>JigsawPretext.PermutationsProblem</c>.</summary>
    public static readonly HyperparameterRelation JigsawPermutationsFitGrid = new(
        [JigsawGrid, JigsawPermutations], WithViews: false,
        "global::SelfishGen.Pretext.JigsawPretext.PermutationsProblem",
        values => PermutationsProblem(values[0], values[1]),
        DiagnosticDescriptors.TooManyPermutations);

    /// <summary>CPC's grid against the rows it predicts ahead: <c>CpcLoss.GridProblem</c>.</summary>
    public static readonly HyperparameterRelation CpcGridAboveSteps = new(
        [CpcGrid, CpcSteps], WithViews: false,
        "global::SelfishGen.Objectives.CpcLoss.GridProblem",
        values => values[0] > values[1] + 1 ? null
            : Invariant($"A grid of {values[0]} rows cannot be predicted {values[1]} rows ahead past the adjacent row: Grid must be greater than Steps + 1."),
        DiagnosticDescriptors.CpcGridSteps);

    /// <summary>DINO's views, global (declared) and local: <c>DinoLoss.ViewsProblem</c>.</summary>
    public static readonly HyperparameterRelation DinoStudentViews = new(
        [LocalCrops], WithViews: true,
        "global::SelfishGen.Objectives.DinoLoss.ViewsProblem",
        values => values[0] >= 1 && values[1] >= 0 && values[0] + values[1] >= 2 ? null
            : Invariant($"DINO needs a view for its teacher and two for its student, not {values[0]} global and {values[1]} local: declare more views or LocalCrops."),
        DiagnosticDescriptors.DinoViews);

    /// <summary>All relations.</summary>
    public static readonly IReadOnlyList<HyperparameterRelation> All = [JigsawPermutationsFitGrid, CpcGridAboveSteps, DinoStudentViews];

    private const int MaxHammingCandidates = 20_000;

    // JigsawPretext.PermutationsProblem: every permutation of the grid's cells, or at most as many as a max-Hamming set
    // is chosen among (all of them up to 20,000, else 20,000 sampled ones); 0 stands for the default.
    private static string? PermutationsProblem(int grid, int permutations)
    {
        if (grid < 2 || permutations < 1)
            return null;
        var cells = (int)System.Math.Min((long)grid * grid, 21);
        var all = cells > 20 ? long.MaxValue : Enumerable.Range(1, cells).Aggregate(1L, (product, k) => product * k);
        var limit = (int)System.Math.Min(all, MaxHammingCandidates);
        if (permutations <= limit || permutations == all)
            return null;
        var orAll = all > limit && all <= int.MaxValue ? Invariant($", or all {all}") : "";
        var raise = all == limit ? " or raise Grid" : "";
        return Invariant($"Permutations must be at most {limit} for a {grid}×{grid} grid{orAll}, not {permutations}: lower Permutations{raise}.");
    }
}
