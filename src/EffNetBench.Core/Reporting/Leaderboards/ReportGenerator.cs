using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Reporting.Accuracy;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>Results files in, leaderboard files out: what `report` does, and what `run` does with its run folder at the end.</summary>
public static class ReportGenerator
{
    /// <summary>Loads <paramref name="inputs"/>, builds the leaderboard and writes it (and plots) to <paramref name="outDir"/>.</summary>
    /// <returns>The files written.</returns>
    /// <exception cref="ResultsFormatException">An input is missing or not a results document.</exception>
    /// <exception cref="AccuracySourceException">An accuracy source is unknown.</exception>
    /// <exception cref="AccuracyFormatException">An accuracy file is missing or malformed.</exception>
    /// <exception cref="ReportOptionException">The baseline hardware matches no hardware, or several.</exception>
    public static IReadOnlyList<string> Generate(IReadOnlyList<string> inputs, string outDir, ReportOptions options) =>
        Write(Build(inputs, options), outDir);

    /// <inheritdoc cref="Generate" path="/exception"/>
    public static Leaderboard Build(IReadOnlyList<string> inputs, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("at least one results file or run folder is needed.", nameof(inputs));
        }

        // Accuracy sources first: a misspelt source name is reported before any file is read.
        AccuracyTable accuracy = AccuracyTable.Load(options.Accuracy, options.TimmCheckpoint);
        // An interrupted run's finished cases are reported too (the command says the run is incomplete).
        List<BenchmarkResults> runs = [.. inputs.Select(input => LaunchMerge.MergeRun(ResultsStore.Load(input, allowIncomplete: true)))];
        return LeaderboardBuilder.Build(runs, accuracy, new LeaderboardOptions(options.RankBy, options.BaselineHardware));
    }

    /// <summary>Writes the leaderboard files, then its plots (PNG and SVG).</summary>
    public static IReadOnlyList<string> Write(Leaderboard board, string outDir) =>
        [.. LeaderboardWriter.Write(board, outDir), .. LeaderboardPlots.Write(board, Path.GetFullPath(outDir))];

    /// <summary>Where a report goes by default: the run folder given, or the folder holding the results.json given.</summary>
    public static string DefaultOutDir(string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        string full = Path.GetFullPath(input);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
    }
}
