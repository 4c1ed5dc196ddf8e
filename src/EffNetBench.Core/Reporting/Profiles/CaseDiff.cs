using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>The profile of one case in two runs: per operator kind and per node, largest changes first.</summary>
public sealed record CaseDiff(ProfiledCase Baseline, ProfiledCase Current, ImmutableArray<TimeChange> Kinds, ImmutableArray<TimeChange> Nodes)
{
    public double NodeTimeChangeMs => Current.Profile.NodeTimeMs - Baseline.Profile.NodeTimeMs;

    public double MedianChangeMs => Current.Profile.CaseMedianMs - Baseline.Profile.CaseMedianMs;
}
