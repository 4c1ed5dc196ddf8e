using System.Text.Json.Serialization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>Which run a side of a comparison is, for report headers.</summary>
public sealed record ComparedRun(
    string Id,
    string? Label,
    [property: JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset StartedUtc,
    string ToolVersion,
    [property: JsonPropertyName("onnxruntime")] string OnnxRuntime,
    string Cpu,
    string Hostname)
{
    public static ComparedRun From(BenchmarkResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new ComparedRun(results.Run.Id, results.Run.Label, results.Run.StartedUtc, results.Tool.Version,
            results.Environment.OnnxRuntime, results.Environment.Cpu, results.Environment.Hostname);
    }
}
