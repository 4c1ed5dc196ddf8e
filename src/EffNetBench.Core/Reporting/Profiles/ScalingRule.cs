using System.Collections.Immutable;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>
/// When a scaling step stops paying, stated and applied to the data, never assumed: the first step whose extra latency
/// per top-1 point is more than <see cref="CostRatio"/> times the previous step's, or whose top-1 gain is below
/// <see cref="MinTop1Gain"/> points. Tan and Le's warning (EfficientNet, ICML 2019, section 3.3: accuracy gain
/// diminishes for bigger models) made measurable on this hardware.
/// </summary>
public static class ScalingRule
{
    public const double CostRatio = 2.0;
    public const double MinTop1Gain = 0.5;

    public static string Statement => $"the first step whose extra latency per top-1 point is more than {Invariant.Number(CostRatio, "0.##")}x the previous step's, or whose top-1 gain is below {Invariant.Number(MinTop1Gain, "0.##")} points";

    /// <summary>The index of the first step that stops paying and why; (null, null) when every step pays; (null, reason)
    /// when the data cannot say (a top-1 figure is missing before any step stopped paying).</summary>
    public static (int? Step, string? Reason) FirstNotPaying(ImmutableArray<ScalingStep> steps)
    {
        for (int i = 0; i < steps.Length; i++)
        {
            ScalingStep step = steps[i];
            if (step.Top1Gain is not double gain)
            {
                return (null, $"no top-1 figure for {step.From} or {step.To}");
            }

            if (gain < MinTop1Gain)
            {
                return (i, $"its top-1 gain of {Invariant.Number(gain, "0.0#")} points is below {Invariant.Number(MinTop1Gain, "0.##")}");
            }

            if (i > 0 && step.MsPerTop1Point is double cost && steps[i - 1].MsPerTop1Point is double before && before > 0 && cost > CostRatio * before)
            {
                return (i, $"each top-1 point costs {Invariant.Ms(cost)} ms of latency, {Invariant.Number(cost / before, "0.0")}x the {Invariant.Ms(before)} ms of {steps[i - 1].From} -> {steps[i - 1].To}");
            }
        }

        return (null, null);
    }

    /// <summary>The plain-words sentence for a series.</summary>
    public static string Verdict(string setting, ImmutableArray<ScalingStep> steps)
    {
        if (steps.IsEmpty)
        {
            return $"On {setting}: one variant only, no scaling step to judge.";
        }

        (int? at, string? reason) = FirstNotPaying(steps);
        string rule = $"(rule: {Statement}; latencies are this run's medians)";
        if (at is int i)
        {
            return $"On {setting}, scaling stops paying at {steps[i].From} -> {steps[i].To}: {reason} {rule}.";
        }

        return reason is null
            ? $"On {setting}, scaling keeps paying from {steps[0].From} to {steps[^1].To}: no step crosses the rule {rule}."
            : $"On {setting}, where scaling stops paying is inconclusive: {reason} {rule}.";
    }
}
