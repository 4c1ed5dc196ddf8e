namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Draws plots of a leaderboard into <paramref name="outDir"/> and returns the files it wrote.</summary>
public delegate IReadOnlyList<string> PlotHook(Leaderboard board, string outDir);
