using System.Buffers.Binary;
using EffNetBench.Core.Reporting.Plots;

namespace EffNetBench.IntegrationTests.Plots;

public sealed class ConfusionPlotTests : IDisposable
{
    private readonly PlotWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_small_matrix_is_drawn_whole_with_class_names_and_counts()
    {
        string[] classes = ["cat", "dog", "fox"];
        long[][] matrix = [[90, 10, 0], [5, 95, 0], [0, 3, 2]];
        string dir = _workspace.Folder("out");

        (string png, string svg) = PlotAssert.Written(ConfusionPlot.Write(classes, matrix, dir), dir, "confusion");

        PlotAssert.Svg(svg, "Confusion matrix (share of each true class)", "predicted class", "true class",
            "cat", "dog", "fox", "90", "10", "5", "95", "3", "2", "share of the true class's images", "0%", "100%");
        (int width, int height) = PngSize(png);
        Assert.Equal((860, 700), (width, height));
    }

    [Fact]
    public void More_than_50_classes_shows_the_most_confused_50_and_says_so()
    {
        // 60 classes: class r sends one image to r + 1 for r < 49, plus 7 <-> 41 and 12 -> 59. Classes 0..49 and 59 have
        // errors (51 classes); 0 and 49 have the fewest (one each) and the tie drops 49. Classes 50..58 have none.
        int n = 60;
        long[][] matrix = [.. Enumerable.Range(0, n).Select(r => Enumerable.Range(0, n).Select(c => r == c ? 20L : 0L).ToArray())];
        for (int r = 0; r < 49; r++)
        {
            matrix[r][r + 1] += 1;
        }

        matrix[7][41] += 9;
        matrix[41][7] += 6;
        matrix[12][59] += 4;
        string[] classes = [.. Enumerable.Range(0, n).Select(i => $"class-{i:00}")];
        string dir = _workspace.Folder("big");

        (_, string svg) = PlotAssert.Written(ConfusionPlot.Write(classes, matrix, dir), dir, "confusion");

        IReadOnlyList<string> texts = PlotAssert.Svg(svg, "Confusion matrix: the 50 most confused of 60 classes (share of each true class)", "class-07", "class-41", "class-59")
            is string text ? PlotAssert.Texts(text) : [];
        Assert.DoesNotContain("class-49", texts);
        Assert.DoesNotContain("class-50", texts);
        Assert.Contains("class-00", texts);
        Assert.Equal(50, texts.Count(t => t.StartsWith("class-", StringComparison.Ordinal)) / 2);
    }

    [Fact]
    public void MostConfusedClasses_ranks_by_errors_in_and_out_and_keeps_class_order()
    {
        long[][] matrix =
        [
            [5, 0, 0, 0],
            [0, 5, 0, 3],
            [1, 0, 5, 0],
            [0, 0, 0, 5],
        ];

        // Errors in + out: class 0: 1, class 1: 3, class 2: 1, class 3: 3. Ties go to the lower index.
        Assert.Equal([1, 3], ConfusionPlot.MostConfusedClasses(matrix, 2).ToArray());
        Assert.Equal([0, 1, 3], ConfusionPlot.MostConfusedClasses(matrix, 3).ToArray());
        Assert.Equal([0, 1, 2, 3], ConfusionPlot.MostConfusedClasses(matrix, 4).ToArray());
    }

    [Fact]
    public void MostConfusedClasses_leaves_out_classes_without_errors_and_falls_back_to_the_largest()
    {
        long[][] matrix =
        [
            [5, 2, 0, 0],
            [0, 5, 0, 0],
            [0, 0, 9, 0],
            [0, 0, 0, 1],
        ];

        Assert.Equal([0, 1], ConfusionPlot.MostConfusedClasses(matrix, 3).ToArray());

        long[][] perfect = [[5, 0, 0], [0, 9, 0], [0, 0, 1]];
        Assert.Equal([0, 1], ConfusionPlot.MostConfusedClasses(perfect, 2).ToArray());
    }

    [Fact]
    public void A_matrix_that_does_not_match_the_classes_is_refused_and_nothing_is_written()
    {
        string dir = _workspace.Folder("bad");
        Assert.Throws<ArgumentException>(() => ConfusionPlot.Write(["a", "b"], [[1, 0]], dir));
        Assert.False(Directory.Exists(dir));
    }

    private static (int Width, int Height) PngSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
