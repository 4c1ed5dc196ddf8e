namespace EffNetBench.Core.Results;

/// <summary>Everything about a run except its cases; stored in run.json when the run starts.</summary>
public sealed record RunHeader(ToolInfo Tool, RunInfo Run, EnvironmentInfo Environment, RunSettings Settings);
