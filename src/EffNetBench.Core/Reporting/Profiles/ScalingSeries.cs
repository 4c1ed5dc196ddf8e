using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>A series of zoo variants measured alike (same run, provider, batch, threads), in scaling order.</summary>
/// <param name="Verdict">Where scaling stops paying, in plain words, by <see cref="ScalingRule"/>.</param>
public sealed record ScalingSeries(string Setting, ImmutableArray<ProfiledCase> Cases, ImmutableArray<ScalingStep> Steps, string Verdict);
