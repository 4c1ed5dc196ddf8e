using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>Scaling series from profiled cases: the zoo variants of one family measured alike (run, provider, batch,
/// threads), in the catalog's order (B0, B1, ...), each step's cost and gain, and where scaling stops paying.</summary>
public static class ScalingAnalysis
{
    public static ImmutableArray<ScalingSeries> Series(IEnumerable<ProfiledCase> cases, AccuracyTable accuracy)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(accuracy);
        var series = ImmutableArray.CreateBuilder<ScalingSeries>();
        var zoo = cases
            .Where(c => c.Case.Model.Source == ModelSource.Zoo && c.Case.LatencyMs is not null && c.Case.EndToEnd is null
                && ZooCatalog.TryFind(c.Case.Model.Name, out _))
            .Select(c => (Case: c, Index: CatalogIndex(c.Case.Model.Name), Family: Family(c.Case.Model.Name)));
        foreach (var group in zoo.GroupBy(c => (c.Case.Run.Run.Id, c.Case.Case.Arm, c.Family, c.Case.Case.Provider, c.Case.Case.Batch, c.Case.Case.Threads)))
        {
            ImmutableArray<ProfiledCase> ordered = [.. group.OrderBy(c => c.Index).ThenBy(c => c.Case.Case.Model.Resolution).Select(c => c.Case)];
            if (ordered.Length < 2)
            {
                continue;
            }

            ImmutableArray<ScalingStep> steps = [.. ordered.Zip(ordered.Skip(1), (a, b) => Step(a, b, accuracy))];
            string setting = $"{ordered[0].Setting} (run {ordered[0].Run.Run.Id})";
            series.Add(new ScalingSeries(setting, ordered, steps, ScalingRule.Verdict(ordered[0].Setting, steps)));
        }

        return series.ToImmutable();
    }

    /// <summary>The step from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static ScalingStep Step(ProfiledCase a, ProfiledCase b, AccuracyTable accuracy)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(accuracy);
        double latencyA = a.Case.LatencyMs!.Median, latencyB = b.Case.LatencyMs!.Median;
        double extra = latencyB - latencyA;
        AccuracyEntry? accA = accuracy.Find(a.Case.Model), accB = accuracy.Find(b.Case.Model);
        double? gain = accA?.Top1 is double t1 && accB?.Top1 is double t2 ? t2 - t1 : null;
        string? source = accA is null || accB is null ? null : accA.Source == accB.Source ? accA.Source : $"{accA.Source}, {accB.Source}";
        double? growth = a.Case.Model.Flops is long fa && b.Case.Model.Flops is long fb && fa > 0 ? (double)fb / fa : null;
        return new ScalingStep(a.Model, b.Model, growth, latencyB / latencyA, extra, gain, source,
            gain is double g && g > 0 ? extra / g : null, Absorbed(a.Profile, b.Profile));
    }

    /// <summary>Each kind's node time in <paramref name="b"/> minus <paramref name="a"/>, as a share of the total change,
    /// largest extra time first.</summary>
    public static ImmutableArray<AbsorbedTime> Absorbed(ProfileSummary a, ProfileSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double total = b.NodeTimeMs - a.NodeTimeMs;
        var before = a.Kinds.ToDictionary(k => k.Name, k => k.TimeMs, StringComparer.Ordinal);
        var after = b.Kinds.ToDictionary(k => k.Name, k => k.TimeMs, StringComparer.Ordinal);
        return [.. before.Keys.Union(after.Keys)
            .Select(k => new AbsorbedTime(k, after.GetValueOrDefault(k) - before.GetValueOrDefault(k), 0))
            .Select(x => x with { Share = total != 0 ? x.ExtraMs / total : 0 })
            .OrderByDescending(x => x.ExtraMs)
            .ThenBy(x => x.Kind, StringComparer.Ordinal)];
    }

    private static int CatalogIndex(string name)
    {
        ZooVariant variant = ZooCatalog.Find(name);
        return ZooCatalog.All.IndexOf(variant);
    }

    private static string Family(string name) => ZooCatalog.Find(name).Spec.Family.ToString();
}
