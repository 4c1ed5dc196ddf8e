using System.Text.RegularExpressions;
using EffNetBench.Core.Evaluation.Leakage;

namespace EffNetBench.Tests.Evaluation.Leakage;

public sealed class LeakageReportTests
{
    [Fact]
    public void Report_counts_distinct_leaked_test_images_and_label_conflicts()
    {
        LeakageImage T(string name, string? label) => new("/test/" + name, label);
        LeakageImage R(string name, string? label) => new("/train/" + name, label);
        var report = new LeakageReport("/train", "/test", TrainImages: 5, TestImages: 8,
            ExactDuplicates: [new ExactDuplicate(T("a.png", "cat"), [R("a.png", "cat"), R("a2.png", "dog")])],
            NearDuplicates:
            [
                new NearDuplicate(T("a.png", "cat"), R("b.png", "cat"), 6),   // already leaked by the exact pair
                new NearDuplicate(T("c.png", "cat"), R("c.png", "cat"), 2),
                new NearDuplicate(T("c.png", "cat"), R("d.png", null), 8),    // unlabelled: no conflict
                new NearDuplicate(T("e.png", "dog"), R("e.png", "cat"), 0),
            ],
            Unreadable: [],
            Featureless: [],
            Threshold: 10);

        Assert.Equal(3, report.LeakedTestImages);
        Assert.Equal(3.0 / 8, report.LeakedFraction);
        Assert.Equal(1, report.ExactTestImages);
        Assert.Equal(2, report.NearOnlyTestImages);
        Assert.True(report.ExactDuplicates[0].LabelConflict);
        Assert.Equal([false, false, false, true], report.NearDuplicates.Select(n => n.LabelConflict));
        Assert.Equal(2, report.LabelConflicts);
    }

    [Fact]
    public void An_empty_test_set_has_no_leaked_fraction()
    {
        var report = new LeakageReport(null, null, 1, 0, [], [], [], [], 10);

        Assert.Equal(0, report.LeakedFraction);
        Assert.Equal(0, report.LeakedTestImages);
    }

    [Fact]
    public void Summary_lists_the_first_pairs_relative_to_the_folders_and_counts_the_rest()
    {
        var report = new LeakageReport("/data/train", "/data/test", TrainImages: 4, TestImages: 3,
            ExactDuplicates: [new ExactDuplicate(new("/data/test/a/1.png", "a"), [new("/data/train/a/1.png", "a"), new("/data/train/b/1.png", "b")])],
            NearDuplicates: [new NearDuplicate(new("/data/test/a/2.png", "a"), new("/data/train/a/2.png", "a"), 4), new NearDuplicate(new("/elsewhere/3.png", null), new("/data/train/3.png", null), 8)],
            Unreadable: [new UnreadableImage(LeakageSet.Train, "/data/train/x.jpg", "'/data/train/x.jpg' could not be decoded: truncated (incomplete image data)")],
            Featureless: [],
            Threshold: 8);

        string[] lines = [.. LeakageReportWriter.Summary(report, maxPairs: 3).Split('\n').Select(l => l.TrimEnd())];

        string[] pairs = [.. lines.SkipWhile(l => !l.StartsWith("kind", StringComparison.Ordinal)).Skip(2).Take(4)];
        Assert.Matches(@"^exact +0 +a/1\.png +a/1\.png$", pairs[0]);
        Assert.Matches(@"^exact +0 +a/1\.png +b/1\.png +label conflict: a vs b$", pairs[1]);
        Assert.Matches(@"^near +4 +a/2\.png +a/2\.png$", pairs[2]);
        Assert.Equal("... and 1 more pairs (leakage.json and leakage.csv list all 4)", pairs[3]);
        Assert.Contains("unreadable (train): '/data/train/x.jpg' could not be decoded: truncated (incomplete image data)", lines);
        Assert.Contains(lines, l => l.StartsWith("leaked test images", StringComparison.Ordinal) && l.EndsWith("3 (100.00% of the test set)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("too plain", StringComparison.Ordinal));

        // A path outside its folder stays absolute.
        Assert.Contains(LeakageReportWriter.Summary(report).Split('\n'), l => Regex.IsMatch(l, @"^near +8 +/elsewhere/3\.png +3\.png"));
    }

    [Fact]
    public void Csv_has_one_row_per_pair_quoted_where_needed()
    {
        var report = new LeakageReport(null, null, 2, 2,
            [new ExactDuplicate(new("/t/a,b.png", null), [new("/r/a.png", "x")])],
            [new NearDuplicate(new("/t/c.png", "y"), new("/r/c.png", "y"), 2)],
            [], [], 10);

        Assert.Equal(
            "kind,test,train,distance,test_class,train_class\r\nexact,\"/t/a,b.png\",/r/a.png,0,,x\r\nnear,/t/c.png,/r/c.png,2,y,y\r\n",
            LeakageReportWriter.Csv(report));
    }
}
