namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>Extra node time of one operator kind over a scaling step, and its share of the step's extra node time.</summary>
public sealed record AbsorbedTime(string Kind, double ExtraMs, double Share);
