using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Quantization;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Pairs every lower-precision row with the fp32 row of the same model in the same table.</summary>
internal static class PrecisionCosts
{
    public static ImmutableArray<PrecisionCost> Compute(IReadOnlyList<LeaderboardRow> rows)
    {
        var costs = ImmutableArray.CreateBuilder<PrecisionCost>();
        foreach (LeaderboardRow lower in rows.Where(r => r.Precision != PrecisionNames.Fp32)
            .OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => PrecisionNames.Order(r.Precision)))
        {
            LeaderboardRow? fp32 = rows.FirstOrDefault(r => r.Precision == PrecisionNames.Fp32 && r.Model == lower.Model && r.Resolution == lower.Resolution
                && ParetoFrontier.Group(r) == ParetoFrontier.Group(lower));
            if (fp32 is null)
            {
                costs.Add(new PrecisionCost(lower.Model, lower.Resolution, lower.Provider, lower.Hardware, lower.Batch, lower.Threads, lower.Precision,
                    null, lower.MsPerImage, null, null, false, null, lower.Top1, null, null, "no fp32 case of this model in this table to compare with"));
                continue;
            }

            double? speedUp = fp32.LatencyMedianMs / lower.LatencyMedianMs;
            double? gained = fp32.MsPerImage - lower.MsPerImage;

            // Only top-1s of one evaluation (the same images) are subtracted: a measured int8 figure against a
            // published fp32 one would be two datasets' difference.
            bool paired = fp32.Top1 is not null && lower.Top1 is not null && fp32.Top1Source == lower.Top1Source
                && fp32.Top1Source?.StartsWith(AccuracySources.MeasuredPrefix, StringComparison.Ordinal) == true;
            double? lost = paired ? fp32.Top1 - lower.Top1 : null;
            string? note = paired ? null
                : lower.Top1 is null ? $"top-1 not measured in {lower.Precision}: give an eval.json of eval --precision fp32,{lower.Precision}"
                : $"top-1 of fp32 ({fp32.Top1Source ?? "none"}) and {lower.Precision} ({lower.Top1Source}) are not from one evaluation, so no difference is taken";
            costs.Add(new PrecisionCost(lower.Model, lower.Resolution, lower.Provider, lower.Hardware, lower.Batch, lower.Threads, lower.Precision,
                fp32.MsPerImage, lower.MsPerImage, speedUp, gained, ParetoFrontier.LatencyTied(fp32, lower),
                paired ? fp32.Top1 : null, lower.Top1, lost, lost is double l && gained is > 0 ? l / gained : null, note));
        }

        return costs.ToImmutable();
    }
}
