namespace SelfishGen.Generators.Rules;

/// <summary>Attribute properties that change a method's structure, not only a value.</summary>
internal static class HyperparameterNames
{
    /// <summary><c>[Contrastive(Queue = ...)]</c>: negatives from a queue.</summary>
    public const string Queue = "Queue";

    /// <summary><c>[Contrastive(MemoryBank = ...)]</c>: negatives from a memory bank.</summary>
    public const string MemoryBank = "MemoryBank";

    /// <summary><c>[Contrastive(BatchNormGroups = ...)]</c>: shuffles the momentum encoder's keys.</summary>
    public const string BatchNormGroups = "BatchNormGroups";

    /// <summary><c>[Contrastive(SymmetricLoss = ...)]</c>: queries of both views against the momentum encoder's keys.</summary>
    public const string SymmetricLoss = "SymmetricLoss";

    /// <summary><c>[Projector(OutputNorm = ...)]</c>: a batch norm on the embedding.</summary>
    public const string OutputNorm = "OutputNorm";

    /// <summary><c>[Projector(PerView = ...)]</c>: one projector per branch.</summary>
    public const string PerView = "PerView";
}
