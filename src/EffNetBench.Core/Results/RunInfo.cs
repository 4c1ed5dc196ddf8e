using System.Text.Json.Serialization;

namespace EffNetBench.Core.Results;

/// <summary>Identity and timing of one benchmark run; times are written as UTC to the second.</summary>
/// <param name="FinishedUtc">Null until the run completes (run.json always holds null).</param>
public sealed record RunInfo(
    string Id,
    [property: JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset StartedUtc,
    [property: JsonConverter(typeof(UtcTimestampConverter))] DateTimeOffset? FinishedUtc,
    string Preset,
    string? Label);
