namespace EffNetBench.Core.Results;

/// <summary>The tool that wrote a results file.</summary>
public sealed record ToolInfo(string Name, string Version)
{
    public static ToolInfo Current { get; } = new("effnet-bench", ToolVersion.Current);
}
