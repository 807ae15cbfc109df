using SelfishGen.Data;

namespace SelfishGen.Objectives;

/// <summary>What an objective of your own (<see cref="IViewObjective"/>) is built with: the declaration's values.</summary>
/// <param name="Data">Shape and size of the training data.</param>
/// <param name="EmbeddingWidth">Width of the embeddings it compares: the projector's output.</param>
/// <param name="Views">Number of views it is given.</param>
/// <param name="Temperature">The declared softmax temperature (<c>[Objective(Temperature = ...)]</c>, the <c>ObjectiveTemperature</c> option).</param>
public sealed record ObjectiveSetup(DatasetInfo Data, int EmbeddingWidth, int Views, double Temperature);
