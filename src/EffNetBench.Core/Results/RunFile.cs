namespace EffNetBench.Core.Results;

/// <summary>The on-disk shape of run.json: a <see cref="RunHeader"/> with its own schema id.</summary>
internal sealed record RunFile(string Schema, ToolInfo Tool, RunInfo Run, EnvironmentInfo Environment, RunSettings Settings)
{
    public const string CurrentSchema = "effnet-bench/run/1";

    public static RunFile From(RunHeader header) => new(CurrentSchema, header.Tool, header.Run, header.Environment, header.Settings);

    public RunHeader ToHeader() => new(Tool, Run, Environment, Settings);
}
