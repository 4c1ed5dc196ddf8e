using EffNetBench.Core.Reporting.Leaderboards;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>A profiled case with the run it came from and that run's peaks for it (null when the run has none).</summary>
public sealed record ProfiledCase(BenchmarkResults Run, CaseResult Case, ProfileSummary Profile, MachinePeaks? Peaks)
{
    /// <summary>"b0@224".</summary>
    public string Model => LeaderboardBuilder.ModelLabel(Case.Model.Name, Case.Model.Resolution);

    /// <summary>What the case ran on, beside the model: "cpu, batch 1, threads default, AMD EPYC x2".</summary>
    public string Setting => $"{Case.Provider}, batch {Rendering.Invariant.Number(Case.Batch)}, threads {Rendering.Invariant.Threads(Case.Threads)}, {HardwareLabel.For(Run.Environment)}"
        + (Case.Arm is string arm ? $", {arm} arm" : string.Empty);

    public string Title => $"{Model} ({Setting}, run {Run.Run.Id})";

    public static IEnumerable<ProfiledCase> Of(BenchmarkResults run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Cases.Where(c => c.Status == CaseStatus.Ok && c.Profile is not null)
            .Select(c => new ProfiledCase(run, c, c.Profile!, Roofline.PeaksFor(run, c)));
    }
}
