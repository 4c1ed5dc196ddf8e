using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>
/// `profile diff`: the profiled cases of two runs (or the two arms of one `ab` run) paired by model, resolution,
/// provider, batch and threads, and each pair's time change per operator kind and per node, largest first, with the
/// noise the traces allow.
/// </summary>
public static class ProfileDiff
{
    /// <summary>z of a two-sided 99.7 % band (three standard errors).</summary>
    public const double Z = 3;

    /// <summary>The smallest change called beyond noise, in ms: compare's default noise floor (--noise 0.05ms). The
    /// traces' spread is within one process; between two processes a node moves more (an A/A of B0 on a 2-core VM:
    /// single ReorderOutput nodes by up to 0.025 ms, 4x their time).</summary>
    public const double MinChangeMs = 0.05;

    /// <summary>The smallest relative change called beyond noise: compare's default threshold (5 %); the same A/A moved
    /// whole operator kinds by up to 6.4 % (Gemm), 5 of 10 of them beyond the traces' own spread.</summary>
    public const double MinRelativeChange = 0.05;

    public static string NoiseRule =>
        "noise = 3 x sqrt(se_baseline^2 + se_current^2), where a node's standard error of its median is 1.2533 x 1.4826 x its "
        + "median absolute deviation / sqrt(profiled inferences) (normal approximation), summed in quadrature over a kind's nodes; "
        + "a change is beyond noise when it exceeds that and is at least 0.05 ms and 5 % (compare's default floors: the traces' spread "
        + "is one process's, and two processes differ by more)";

    public static ImmutableArray<CaseDiff> Compare(BenchmarkResults baseline, BenchmarkResults current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var before = ProfiledCase.Of(baseline).Where(c => c.Case.Arm is null or AbSettings.BaselineArm).ToList();
        var after = ProfiledCase.Of(current).Where(c => c.Case.Arm is null or AbSettings.CandidateArm).ToList();
        var diffs = ImmutableArray.CreateBuilder<CaseDiff>();
        foreach (ProfiledCase b in before)
        {
            if (after.FirstOrDefault(a => Key(a) == Key(b) && !ReferenceEquals(a.Case, b.Case)) is ProfiledCase a)
            {
                diffs.Add(Case(b, a));
            }
        }

        return diffs.ToImmutable();
    }

    public static CaseDiff Case(ProfiledCase baseline, ProfiledCase current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ProfileSummary b = baseline.Profile, c = current.Profile;
        ImmutableArray<TimeChange> kinds = [.. b.Kinds.Select(k => k.Name).Union(c.Kinds.Select(k => k.Name))
            .Select(name => new TimeChange(name, null,
                b.Kinds.FirstOrDefault(k => k.Name == name)?.TimeMs, c.Kinds.FirstOrDefault(k => k.Name == name)?.TimeMs,
                Noise(b.Nodes.Where(n => n.Kind == name), b.Inferences, c.Nodes.Where(n => n.Kind == name), c.Inferences)))
            .OrderByDescending(x => Math.Abs(x.ChangeMs)).ThenBy(x => x.Name, StringComparer.Ordinal)];
        var currentNodes = c.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var baselineNodes = b.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ImmutableArray<TimeChange> nodes = [.. baselineNodes.Keys.Union(currentNodes.Keys)
            .Select(name =>
            {
                ProfiledNode? x = baselineNodes.GetValueOrDefault(name), y = currentNodes.GetValueOrDefault(name);
                string detail = (y ?? x)!.Kind + (x is null ? ", only in current" : y is null ? ", only in baseline" : string.Empty);
                return new TimeChange(name, detail, x?.MedianUs / 1000, y?.MedianUs / 1000,
                    Noise(x is null ? [] : [x], b.Inferences, y is null ? [] : [y], c.Inferences));
            })
            .OrderByDescending(x => Math.Abs(x.ChangeMs)).ThenBy(x => x.Name, StringComparer.Ordinal)];
        return new CaseDiff(baseline, current, kinds, nodes);
    }

    /// <summary>Standard error of a node's median time, ms: 1.2533 x sigma / sqrt(n), sigma = 1.4826 x MAD (normal
    /// approximation); null without a spread or inferences.</summary>
    public static double? MedianStandardErrorMs(ProfiledNode node, int inferences)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.SpreadUs is double mad && inferences > 0 ? 1.2533 * 1.4826 * mad / Math.Sqrt(inferences) / 1000 : null;
    }

    /// <summary><see cref="Z"/> x the standard error of the difference of two sums of node medians; null when a node
    /// lacks its spread.</summary>
    private static double? Noise(IEnumerable<ProfiledNode> baseline, int baselineInferences, IEnumerable<ProfiledNode> current, int currentInferences)
    {
        double variance = 0;
        foreach ((ProfiledNode node, int n) in baseline.Select(x => (x, baselineInferences)).Concat(current.Select(x => (x, currentInferences))))
        {
            if (MedianStandardErrorMs(node, n) is not double se)
            {
                return null;
            }

            variance += se * se;
        }

        return Z * Math.Sqrt(variance);
    }

    private static (string, int?, string, int, int?) Key(ProfiledCase c) =>
        (c.Case.Model.Name, c.Case.Model.Resolution, c.Case.Provider, c.Case.Batch, c.Case.Threads);
}
