using EffNetBench.Core.Results;

namespace EffNetBench.Core.Regression;

/// <summary>Turns command-line paths into results files: a folder holding many run folders (a downloaded artifact tree) stands for all of them.</summary>
public static class RunInputs
{
    /// <summary>
    /// Each path as given, except a folder with no results.json or run.json of its own, which is replaced by every run
    /// folder below it that has a results.json (sorted). Anything else is left for <see cref="ResultsStore.Load"/>
    /// to report.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var expanded = new List<string>();
        foreach (string path in paths)
        {
            if (!Directory.Exists(path)
                || File.Exists(Path.Combine(path, ResultsStore.ResultsFileName))
                || File.Exists(Path.Combine(path, ResultsStore.RunFileName)))
            {
                expanded.Add(path);
                continue;
            }

            string[] runs = [.. Directory.EnumerateFiles(path, ResultsStore.ResultsFileName, SearchOption.AllDirectories)
                .Select(f => Path.GetDirectoryName(f)!)
                .Order(StringComparer.Ordinal)];
            expanded.AddRange(runs.Length > 0 ? runs : [path]);
        }

        return expanded;
    }
}
