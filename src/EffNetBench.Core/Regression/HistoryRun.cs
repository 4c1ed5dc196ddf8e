using System.Text.Json.Serialization;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>One run of a history, in the history's order (time, or version when labelled by tool).</summary>
/// <param name="Label">The name the history shows for it, chosen by <see cref="HistoryLabel"/>.</param>
public sealed record HistoryRun(
    string Label,
    string Id,
    [property: JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset StartedUtc,
    string? RunLabel,
    string ToolVersion,
    [property: JsonPropertyName("onnxruntime")] string OnnxRuntime,
    string Cpu,
    string Hostname)
{
    public static HistoryRun From(BenchmarkResults results, HistoryLabel labelBy)
    {
        ArgumentNullException.ThrowIfNull(results);
        string label = labelBy switch
        {
            HistoryLabel.Tool => results.Tool.Version,
            HistoryLabel.OnnxRuntime => results.Environment.OnnxRuntime,
            _ => results.Run.Label is { Length: > 0 } runLabel ? runLabel : results.Run.Id,
        };
        return new HistoryRun(label, results.Run.Id, results.Run.StartedUtc, results.Run.Label, results.Tool.Version,
            results.Environment.OnnxRuntime, results.Environment.Cpu, results.Environment.Hostname);
    }
}
