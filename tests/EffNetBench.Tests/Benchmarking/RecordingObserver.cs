using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking;

/// <summary>Every progress call of a run, in order.</summary>
internal sealed class RecordingObserver : IRunObserver
{
    public List<(int Index, int Total, string Id, TimeSpan? Eta)> Started { get; } = [];

    public List<(int Index, int Total, CaseResult Result)> Finished { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Started and finished calls interleaved, e.g. "start 1/2 id", "end 1/2 id".</summary>
    public List<string> Events { get; } = [];

    public void CaseStarted(int index, int total, PlannedCase planned, TimeSpan? eta)
    {
        Started.Add((index, total, planned.Id, eta));
        Events.Add($"start {index}/{total} {planned.Id}");
    }

    public void CaseFinished(int index, int total, CaseResult result)
    {
        Finished.Add((index, total, result));
        Events.Add($"end {index}/{total} {result.Id}");
    }

    public void Note(string message) => Notes.Add(message);
}
