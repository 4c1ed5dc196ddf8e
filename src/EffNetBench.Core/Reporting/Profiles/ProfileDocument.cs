using System.Collections.Immutable;

namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>What `profile` renders: the profiled cases of the runs given, their scaling series, and notes on what
/// the runs lack.</summary>
public sealed record ProfileDocument(ImmutableArray<ProfiledCase> Cases, ImmutableArray<ScalingSeries> Scaling, ImmutableArray<string> Notes);
