using System.Collections.Immutable;
using System.Text;
using EffNetBench.Core.Reporting;
using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>Renders a <see cref="LeakageReport"/> as leakage.json, leakage.csv and a console summary.</summary>
public static class LeakageReportWriter
{
    public const string JsonFileName = "leakage.json";
    public const string CsvFileName = "leakage.csv";

    /// <summary>Pairs shown by <see cref="Summary"/> unless told otherwise; the files hold all of them.</summary>
    public const int DefaultSummaryPairs = 20;

    /// <summary>Writes leakage.json and leakage.csv atomically into <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The paths written, in a fixed order.</returns>
    public static ImmutableArray<string> Write(LeakageReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportFiles.Write(directory, (JsonFileName, Json(report)), (CsvFileName, Csv(report)));
    }

    public static string Json(LeakageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new
        {
            TrainDir = report.TrainRoot,
            TestDir = report.TestRoot,
            report.TrainImages,
            report.TestImages,
            report.LeakedTestImages,
            report.LeakedFraction,
            report.ExactTestImages,
            report.NearOnlyTestImages,
            report.LabelConflicts,
            report.Threshold,
            report.Hash,
            LeakageReport.ExactHash,
            ExactDuplicates = report.ExactDuplicates.Select(e => new
            {
                Test = e.Test.Path,
                Train = e.Train.Select(t => t.Path).ToArray(),
                TestClass = e.Test.Label,
                TrainClasses = e.Train.Select(t => t.Label).ToArray(),
                e.LabelConflict,
            }).ToArray(),
            NearDuplicates = report.NearDuplicates.Select(n => new
            {
                Test = n.Test.Path,
                Train = n.Train.Path,
                n.Distance,
                TestClass = n.Test.Label,
                TrainClass = n.Train.Label,
                n.LabelConflict,
            }).ToArray(),
            Unreadable = report.Unreadable.Select(u => new { u.Set, u.Path, u.Reason }).ToArray(),
            Featureless = report.Featureless.ToArray(),
        };
        return Tabular.ToJson(document);
    }

    /// <summary>One row per (test, train) pair, exact pairs first (distance 0: identical bytes), then near pairs,
    /// each in the report's order.</summary>
    public static string Csv(LeakageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Tabular.Csv(["kind", "test", "train", "distance", "test_class", "train_class"],
            Pairs(report).Select(p => (IReadOnlyList<string>)[p.Kind, p.Test.Path, p.Train.Path, N(p.Distance), p.Test.Label ?? string.Empty, p.Train.Label ?? string.Empty]));
    }

    /// <summary>
    /// Counts, the leaked fraction and the first <paramref name="maxPairs"/> pairs, with paths relative to the
    /// training and test folders when the report has them, and the unreadable images.
    /// </summary>
    public static string Summary(LeakageReport report, int maxPairs = DefaultSummaryPairs)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPairs);
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        int unreadableTrain = report.Unreadable.Count(u => u.Set == LeakageSet.Train);
        int unreadableTest = report.Unreadable.Length - unreadableTrain;
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "train images", $"{N(report.TrainImages)} ({N(unreadableTrain)} unreadable)" },
            new[] { "test images", $"{N(report.TestImages)} ({N(unreadableTest)} unreadable)" },
            new[] { "leaked test images", $"{N(report.LeakedTestImages)} ({Pct(report.LeakedFraction)} of the test set)" },
            new[] { "  exact duplicates", N(report.ExactTestImages) },
            new[] { "  near duplicates only", N(report.NearOnlyTestImages) },
            new[] { "label conflicts", N(report.LabelConflicts) },
            new[] { "exact match", "identical bytes (SHA-256)" },
            new[] { "near match", $"pHash Hamming distance <= {N(report.Threshold)}" },
        };
        if (!report.Featureless.IsEmpty)
        {
            rows.Add(["too plain for a pHash", $"{N(report.Featureless.Length)} (exact match only)"]);
        }

        text.Append(Tabular.Table(["leakage", "value"], rows));
        if (report.LeakedTestImages > 0)
        {
            Line(string.Empty);
            Line(report.LeakedTestImages == 1
                ? "warning: 1 test image also appears in the training set: accuracy measured on this test set is inflated"
                : $"warning: {N(report.LeakedTestImages)} test images also appear in the training set: accuracy measured on this test set is inflated");
        }

        var pairs = Pairs(report).ToList();
        if (pairs.Count > 0)
        {
            Line(string.Empty);
            string testHeader = report.TestRoot is null ? "test" : $"test (in {report.TestRoot})";
            string trainHeader = report.TrainRoot is null ? "train" : $"train (in {report.TrainRoot})";
            text.Append(Tabular.Table(["kind", "distance", testHeader, trainHeader, "note"],
                pairs.Take(maxPairs).Select(p => (IReadOnlyList<string>)[
                    p.Kind,
                    N(p.Distance),
                    Relative(p.Test.Path, report.TestRoot),
                    Relative(p.Train.Path, report.TrainRoot),
                    LeakageReport.Conflicts(p.Test, p.Train) ? $"label conflict: {p.Test.Label} vs {p.Train.Label}" : string.Empty,
                ])));
            if (pairs.Count > maxPairs)
            {
                Line($"... and {N(pairs.Count - maxPairs)} more pairs ({JsonFileName} and {CsvFileName} list all {N(pairs.Count)})");
            }
        }

        if (!report.Unreadable.IsEmpty)
        {
            Line(string.Empty);
        }

        foreach (UnreadableImage u in report.Unreadable.Take(maxPairs))
        {
            Line($"unreadable ({(u.Set == LeakageSet.Train ? "train" : "test")}): {u.Reason}");
        }

        if (report.Unreadable.Length > maxPairs)
        {
            Line($"... and {N(report.Unreadable.Length - maxPairs)} more unreadable images ({JsonFileName} lists all {N(report.Unreadable.Length)})");
        }

        return text.ToString();
    }

    private static IEnumerable<(string Kind, LeakageImage Test, LeakageImage Train, int Distance)> Pairs(LeakageReport report) =>
        report.ExactDuplicates.SelectMany(e => e.Train.Select(t => ("exact", e.Test, t, 0)))
            .Concat(report.NearDuplicates.Select(n => ("near", n.Test, n.Train, n.Distance)));

    private static string Relative(string path, string? root)
    {
        if (root is null)
        {
            return path;
        }

        string relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string N(long value) => Invariant.Number(value);

    private static string Pct(double value) => Invariant.Percent(value);
}
