using System.Collections.Immutable;
using System.Text;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>profile-diff.md: per case, the time change per operator kind and per node, largest first, with noise;
/// profile-diff.csv: every node of every case.</summary>
public static class ProfileDiffMarkdown
{
    /// <summary>Nodes listed per case in the Markdown (the CSV has all).</summary>
    public const int NodeRows = 20;

    public static string Render(ImmutableArray<CaseDiff> diffs, string baselineName, string currentName)
    {
        var text = new StringBuilder();
        text.Append("# Profile diff\n\n");
        text.Append($"Baseline: {MarkdownTable.Escape(baselineName)}; current: {MarkdownTable.Escape(currentName)}. Positive changes are slower in current.\n\n");
        text.Append($"Noise: {ProfileDiff.NoiseRule}.\n\n");
        if (diffs.Any(d => d.Nodes.Any(n => n.NoiseMs is null)))
        {
            text.Append("Some traces carry no per-node spread, so those changes are marked \"noise unknown\": re-profile with this version of `run --profile` to record it.\n\n");
        }

        foreach (CaseDiff d in diffs)
        {
            text.Append($"## {MarkdownTable.Escape(d.Current.Model)} ({MarkdownTable.Escape(d.Current.Setting)})\n\n");
            text.Append($"Measured median {Invariant.Ms(d.Baseline.Profile.CaseMedianMs)} -> {Invariant.Ms(d.Current.Profile.CaseMedianMs)} ms ({Invariant.Change(d.Current.Profile.CaseMedianMs / d.Baseline.Profile.CaseMedianMs)}); "
                + $"node time {Invariant.Ms(d.Baseline.Profile.NodeTimeMs)} -> {Invariant.Ms(d.Current.Profile.NodeTimeMs)} ms; "
                + $"overhead between nodes {Invariant.Ms(d.Baseline.Profile.OverheadMs)} -> {Invariant.Ms(d.Current.Profile.OverheadMs)} ms.\n\n");
            text.Append("Per operator kind:\n\n");
            text.Append(Table(d.Kinds, withDetail: false));
            text.Append('\n');
            text.Append(d.Nodes.Length > NodeRows ? $"Per node (the {Invariant.Number(NodeRows)} largest changes of {Invariant.Number(d.Nodes.Length)}; all in profile-diff.csv):\n\n" : "Per node:\n\n");
            text.Append(Table([.. d.Nodes.Take(NodeRows)], withDetail: true));
            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Csv(ImmutableArray<CaseDiff> diffs)
    {
        var text = new StringBuilder("model,provider,batch,threads,level,name,kind,baseline_ms,current_ms,change_ms,noise_ms,verdict\n");
        foreach (CaseDiff d in diffs)
        {
            string prefix = $"{Cell(d.Current.Model)},{Cell(d.Current.Case.Provider)},{Invariant.Number(d.Current.Case.Batch)},{Invariant.Threads(d.Current.Case.Threads)}";
            foreach ((string level, TimeChange c) in d.Kinds.Select(k => ("kind", k)).Concat(d.Nodes.Select(n => ("node", n))))
            {
                text.Append($"{prefix},{level},{Cell(c.Name)},{Cell(c.Detail)},{Invariant.Exact(c.BaselineMs)},{Invariant.Exact(c.CurrentMs)},{Invariant.Exact(c.ChangeMs)},{Invariant.Exact(c.NoiseMs)},{c.Verdict}\n");
            }
        }

        return text.ToString();
    }

    private static string Table(IEnumerable<TimeChange> rows, bool withDetail) => MarkdownTable.Render(
        [withDetail ? "node" : "kind", .. withDetail ? ["kind"] : Array.Empty<string>(), "baseline ms", "current ms", "change ms", "change", "noise ms", "verdict"],
        withDetail ? "llrrrrrl" : "lrrrrrl",
        rows.Select(c => (IReadOnlyList<string>)[MarkdownTable.Escape(c.Name), .. withDetail ? [MarkdownTable.Escape(c.Detail)] : Array.Empty<string>(),
            Invariant.Number(c.BaselineMs, "0.000"), Invariant.Number(c.CurrentMs, "0.000"), Invariant.Number(c.ChangeMs, "+0.000;-0.000;0.000"),
            Invariant.Change(c.Ratio), Invariant.Number(c.NoiseMs, "0.000"), c.Verdict]));

    internal static string Cell(string? value) =>
        value is null ? string.Empty : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
