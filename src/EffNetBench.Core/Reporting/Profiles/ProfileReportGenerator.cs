using System.Collections.Immutable;
using System.Text;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Reporting.Plots;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>Run folders in, profile report out: what `profile` and `profile diff` do.</summary>
public static class ProfileReportGenerator
{
    public const string MarkdownFileName = "profile.md";
    public const string KindsCsvFileName = "profile-kinds.csv";
    public const string DiffMarkdownFileName = "profile-diff.md";
    public const string DiffCsvFileName = "profile-diff.csv";

    /// <summary>How to get a profile, for the messages that say one is missing.</summary>
    public const string HowToProfile = "measure one with 'effnet-bench run --profile' (e.g. effnet-bench run --variants b0,b1 --profile)";

    /// <exception cref="ResultsFormatException">An input is not a run folder or results file.</exception>
    /// <exception cref="ProfileInputException">No input has a profiled case.</exception>
    public static ProfileDocument Build(IReadOnlyList<string> inputs, AccuracyTable accuracy)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(accuracy);
        var notes = new List<string>();
        var cases = new List<ProfiledCase>();
        foreach (string input in inputs)
        {
            BenchmarkResults run = Load(input);
            ProfiledCase[] profiled = [.. ProfiledCase.Of(run)];
            if (profiled.Length == 0)
            {
                notes.Add($"'{Path.GetFullPath(input)}' has no profiled case: {HowToProfile}");
                continue;
            }

            if (run.Peaks is null or { IsEmpty: true })
            {
                notes.Add($"run {run.Run.Id} has no machine peaks, so its cases have no roofline: 'effnet-bench run --profile' measures them");
            }
            else
            {
                foreach (ProfiledCase c in profiled.Where(c => c.Peaks is null))
                {
                    notes.Add($"run {run.Run.Id} has no peaks for {c.Case.Provider} with threads {Invariant.Threads(c.Case.Threads)}: {c.Model} has no roofline");
                }
            }

            cases.AddRange(profiled);
        }

        if (cases.Count == 0)
        {
            throw new ProfileInputException(inputs[0], inputs.Count == 1
                ? $"'{Path.GetFullPath(inputs[0])}' has no profiled case: {HowToProfile}"
                : $"none of the {Invariant.Number(inputs.Count)} runs has a profiled case: {HowToProfile}");
        }

        notes.AddRange(accuracy.Notes);
        return new ProfileDocument([.. cases], ScalingAnalysis.Series(cases, accuracy), [.. notes]);
    }

    /// <summary>Writes profile.md, profile-kinds.csv and the plots (a roofline per peaks, the time-share bars).</summary>
    public static IReadOnlyList<string> Write(ProfileDocument doc, string outDir)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var written = new List<string>(ReportFiles.Write(outDir, (MarkdownFileName, ProfileMarkdown.Render(doc)), (KindsCsvFileName, KindsCsv(doc))));
        string full = Path.GetFullPath(outDir);
        MachinePeaks[] peaks = [.. doc.Cases.Select(c => c.Peaks).OfType<MachinePeaks>().Distinct()];
        foreach ((MachinePeaks p, int i) in peaks.Select((p, i) => (p, i)))
        {
            string stem = peaks.Length == 1 ? "roofline" : $"roofline-{p.Provider}-t{Invariant.Threads(p.Threads)}-{Invariant.Number(i + 1)}";
            written.AddRange(ProfilePlots.Roofline(p, [.. doc.Cases.Where(c => Equals(c.Peaks, p))], full, stem));
        }

        written.AddRange(ProfilePlots.TimeShares(doc.Cases, full));
        return written;
    }

    /// <summary>A few lines for the console: each case's top kinds and share of attainable, and each series' verdict.</summary>
    public static string Summary(ProfileDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var text = new StringBuilder();
        foreach (ProfiledCase c in doc.Cases)
        {
            string top = string.Join(", ", c.Profile.Kinds.OrderByDescending(k => k.TimeMs).Take(3).Select(k => $"{k.Name} {Invariant.Percent(k.TimeShare, 0)}"));
            string share = c.Peaks is MachinePeaks p && Roofline.Case(c.Model, c.Profile, p) is RooflinePoint whole
                ? $", {Invariant.Percent(whole.ShareOfAttainable, 0)} of attainable"
                : string.Empty;
            text.Append($"{c.Model} {c.Case.Provider} b{Invariant.Number(c.Case.Batch)} t{Invariant.Threads(c.Case.Threads)}: {Invariant.Ms(c.Profile.CaseMedianMs)} ms ({top}; overhead {Invariant.Ms(c.Profile.OverheadMs)} ms{share}){(c.Profile.CpuFallback ? " CPU FALLBACK" : string.Empty)}\n");
        }

        foreach (ScalingSeries s in doc.Scaling)
        {
            text.Append(s.Verdict).Append('\n');
        }

        foreach (string note in doc.Notes)
        {
            text.Append("note: ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>`profile diff`: the two runs' profiled cases paired; one run given twice (or an `ab` run) pairs its arms.</summary>
    /// <exception cref="ProfileInputException">A run has no profiled case, or no case pairs.</exception>
    public static (ImmutableArray<CaseDiff> Diffs, string Markdown, string Csv) Diff(string baseline, string current)
    {
        BenchmarkResults before = Load(baseline), after = string.Equals(Path.GetFullPath(baseline), Path.GetFullPath(current), StringComparison.Ordinal) ? before : Load(current);
        foreach ((string input, BenchmarkResults run) in new[] { (baseline, before), (current, after) })
        {
            if (!ProfiledCase.Of(run).Any())
            {
                throw new ProfileInputException(input, $"'{Path.GetFullPath(input)}' has no profiled case: {HowToProfile}");
            }
        }

        ImmutableArray<CaseDiff> diffs = ProfileDiff.Compare(before, after);
        if (diffs.IsEmpty)
        {
            throw new ProfileInputException(current, $"no profiled case of '{Path.GetFullPath(current)}' matches one of '{Path.GetFullPath(baseline)}' (same model, resolution, provider, batch and threads): profile the same cases in both runs");
        }

        string Describe(BenchmarkResults r) => $"run {r.Run.Id} (ONNX Runtime {r.Environment.OnnxRuntime}{(r.Run.Label is { Length: > 0 } l ? ", " + l : string.Empty)})";
        // The arms of one ab run may each load their own ONNX Runtime library, so the run's own version names neither.
        string Arm(BenchmarkResults r, string arm, string? library) => $"run {r.Run.Id}, {arm} arm" + (library is null ? string.Empty : $" ({library})");
        bool arms = ReferenceEquals(before, after);
        return (diffs, ProfileDiffMarkdown.Render(diffs,
            arms ? Arm(before, AbSettings.BaselineArm, before.Settings.Ab?.BaselineOrtLibrary) : Describe(before),
            arms ? Arm(after, AbSettings.CandidateArm, after.Settings.Ab?.CandidateOrtLibrary) : Describe(after)), ProfileDiffMarkdown.Csv(diffs));
    }

    private static BenchmarkResults Load(string input) => LaunchMerge.MergeRun(ResultsStore.Load(input, allowIncomplete: true));

    private static string KindsCsv(ProfileDocument doc)
    {
        var text = new StringBuilder("run,model,provider,batch,threads,level,name,nodes,time_ms,time_share,flop_share,flops,bytes,achieved_gflops,intensity,attainable_gflops,share_of_attainable\n");
        foreach (ProfiledCase c in doc.Cases)
        {
            foreach ((string level, ProfileGroup g) in c.Profile.Kinds.Select(k => ("kind", k)).Concat(c.Profile.Stages.Select(s => ("stage", s))))
            {
                RooflinePoint? p = c.Peaks is null ? null : Roofline.Point(g, c.Peaks);
                text.Append($"{ProfileDiffMarkdown.Cell(c.Run.Run.Id)},{ProfileDiffMarkdown.Cell(c.Model)},{c.Case.Provider},{Invariant.Number(c.Case.Batch)},{Invariant.Threads(c.Case.Threads)},{level},{ProfileDiffMarkdown.Cell(g.Name)},{Invariant.Number(g.Nodes)},"
                    + $"{Invariant.Exact(g.TimeMs)},{Invariant.Exact(g.TimeShare)},{Invariant.Exact(g.FlopShare)},{Invariant.Number(g.Flops, "0")},{Invariant.Number(g.Bytes, "0")},"
                    + $"{Invariant.Exact(g.AchievedGflops)},{Invariant.Exact(g.Intensity)},{Invariant.Exact(p?.AttainableGflops)},{Invariant.Exact(p?.ShareOfAttainable)}\n");
            }
        }

        return text.ToString();
    }
}
