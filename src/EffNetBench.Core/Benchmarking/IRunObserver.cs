using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking;

/// <summary>Progress of a run, for the console (the engine itself never writes to the console).</summary>
public interface IRunObserver
{
    /// <param name="index">1-based position among the cases this run measures.</param>
    /// <param name="eta">Estimated time left for the whole run, once a case of this run has been measured (skipped and
    /// failed cases take no measuring time, so they give no estimate); null before.</param>
    void CaseStarted(int index, int total, PlannedCase planned, TimeSpan? eta);

    void CaseFinished(int index, int total, CaseResult result);

    void Note(string message);
}
