namespace EffNetBench.Core.Graph;

/// <summary>Infers a node's output shapes (and small constant values) and its cost.</summary>
internal delegate void OpRule(NodeContext context);
