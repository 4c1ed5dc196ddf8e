using System.Collections.Immutable;
using EffNetBench.Core.Evaluation.Leakage;

namespace EffNetBench.IntegrationTests.Evaluation.Leakage;

/// <summary><see cref="LeakageFinder"/> on the folders of <see cref="LeakageFixture"/>, whose every pair is known.</summary>
public sealed class LeakageFinderTests(LeakageFixture data) : IClassFixture<LeakageFixture>
{
    [Fact]
    public void Finds_the_copy_exactly_and_the_edited_copies_as_near_duplicates_only()
    {
        LeakageReport report = LeakageFinder.Find(LeakageRequest.FromFolders(data.Train, data.Test));

        Assert.Equal(11, report.TrainImages);
        Assert.Equal(9, report.TestImages);
        Assert.Equal(data.Train, report.TrainRoot);
        Assert.Equal(PerceptualHash.DefaultThreshold, report.Threshold);

        ExactDuplicate exact = Assert.Single(report.ExactDuplicates);
        Assert.Equal(new LeakageImage(data.TestFile("cat/copy.png"), "cat"), exact.Test);
        Assert.Equal([new LeakageImage(data.TrainFile("cat/photo0.png"), "cat")], exact.Train.ToArray());
        Assert.False(exact.LabelConflict);

        // Distances pinned for the pinned SkiaSharp: re-encoding, resizing and brightening move few of the 63 bits.
        Assert.Equal(
            [
                (data.TestFile("cat/photo1.bmp"), data.TrainFile("cat/photo1.png"), 0, false),
                (data.TestFile("cat/resized.jpg"), data.TrainFile("cat/photo4.png"), 4, false),
                (data.TestFile("dog/brighter.png"), data.TrainFile("cat/photo3.png"), 6, true),
            ],
            report.NearDuplicates.Select(n => (n.Test.Path, n.Train.Path, n.Distance, n.LabelConflict)).ToArray());

        Assert.Equal(4, report.LeakedTestImages);
        Assert.Equal(4.0 / 9, report.LeakedFraction);
        Assert.Equal(1, report.LabelConflicts);

        UnreadableImage unreadable = Assert.Single(report.Unreadable);
        Assert.Equal((LeakageSet.Test, data.TestFile("cat/corrupt.jpg")), (unreadable.Set, unreadable.Path));
        Assert.Contains("not a decodable image", unreadable.Reason, StringComparison.Ordinal);

        Assert.Equal([data.TrainFile("cat/blank.png"), data.TestFile("dog/blank.png")], report.Featureless.ToArray());
    }

    [Fact]
    public void Distinct_photos_are_far_from_every_training_photo()
    {
        // The margin behind the default threshold: the distinct test photos' nearest training photo.
        LeakageReport report = LeakageFinder.Find(LeakageRequest.FromFolders(data.Train, data.Test, PerceptualHash.MaxThreshold));

        Assert.DoesNotContain(report.NearDuplicates, n => Path.GetFileName(n.Test.Path).StartsWith("other", StringComparison.Ordinal));
        Assert.Equal(3, report.NearDuplicates.Length);
    }

    [Theory]
    [InlineData(0, new[] { "cat/photo1.bmp" })]
    [InlineData(4, new[] { "cat/photo1.bmp", "cat/resized.jpg" })]
    [InlineData(5, new[] { "cat/photo1.bmp", "cat/resized.jpg" })]
    [InlineData(6, new[] { "cat/photo1.bmp", "cat/resized.jpg", "dog/brighter.png" })]
    public void The_threshold_is_inclusive(int threshold, string[] near)
    {
        LeakageReport report = LeakageFinder.Find(LeakageRequest.FromFolders(data.Train, data.Test, threshold));

        Assert.Equal(near.Select(data.TestFile), report.NearDuplicates.Select(n => n.Test.Path));
        Assert.Equal(1 + near.Length, report.LeakedTestImages);
    }

    [Fact]
    public void Lists_of_images_work_without_folders_and_report_progress()
    {
        // How `eval --train` calls it: the evaluated images with the dataset's labels.
        ImmutableArray<LeakageImage> test = [new(data.TestFile("cat/copy.png"), "cat"), new(data.TestFile("cat/corrupt.jpg"), "cat")];
        var progress = new List<LeakageProgress>();
        var request = new LeakageRequest(LeakageImage.FromFolder(data.Train), test);

        LeakageReport report = LeakageFinder.Find(request, new SynchronousProgress(progress));

        Assert.Null(report.TestRoot);
        Assert.Equal(1, report.LeakedTestImages);
        Assert.Equal(0.5, report.LeakedFraction);
        Assert.Equal(13, progress.Count);
        Assert.Equal(13, progress.Max(p => p.Done));
        Assert.All(progress, p => Assert.Equal(13, p.Total));
    }

    [Fact]
    public void Folders_are_walked_recursively_with_the_class_folder_as_label()
    {
        ImmutableArray<LeakageImage> images = LeakageImage.FromFolder(data.Test + Path.DirectorySeparatorChar);

        Assert.Equal(
            [
                ("cat/copy.png", "cat"), ("cat/corrupt.jpg", "cat"), ("cat/other0.png", "cat"), ("cat/photo1.bmp", "cat"),
                ("cat/resized.jpg", "cat"), ("dog/blank.png", "dog"), ("dog/brighter.png", "dog"), ("dog/other1.jpg", "dog"),
                ("other2.png", null),
            ],
            images.Select(i => (Path.GetRelativePath(data.Test, i.Path).Replace('\\', '/'), i.Label)).ToArray());
    }

    [Fact]
    public void Hidden_folders_and_other_files_are_not_images()
    {
        ImmutableArray<LeakageImage> images = LeakageImage.FromFolder(data.Train);

        Assert.Equal(11, images.Length);
        Assert.DoesNotContain(images, i => i.Path.Contains(".cache", StringComparison.Ordinal) || i.Path.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_threshold_out_of_range_is_rejected()
    {
        var request = new LeakageRequest([], [], PerceptualHash.MaxThreshold + 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => LeakageFinder.Find(request));
    }

    [Fact]
    public void Cancellation_stops_the_scan()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => LeakageFinder.Find(LeakageRequest.FromFolders(data.Train, data.Test), null, cancelled.Token));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records each report as it is made.</summary>
    private sealed class SynchronousProgress(List<LeakageProgress> sink) : IProgress<LeakageProgress>
    {
        public void Report(LeakageProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
