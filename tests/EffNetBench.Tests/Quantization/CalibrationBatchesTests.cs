using EffNetBench.Core;
using EffNetBench.Core.Quantization;
using EffNetBench.Core.Quantization.Calibration;

namespace EffNetBench.Tests.Quantization;

public sealed class CalibrationBatchesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("effnet-bench-cal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SyntheticInputsAreUniformInTheBenchmarksRangeAndRepeatable()
    {
        CalibrationBatches batches = CalibrationBatches.From(new CalibrationSource(null, 3, 42));
        Assert.Equal(3, batches.Count);
        Assert.Contains("3 synthetic inputs (uniform [-1, 1), seed 42", batches.Description);

        var a = new float[2 * 1000];
        var b = new float[2 * 1000];
        Assert.Equal(2, batches.Fill(1, 2, a, 1000, null, 42));
        batches.Fill(1, 2, b, 1000, null, 42);
        Assert.Equal(a, b);
        Assert.All(a, v => Assert.InRange(v, -1f, 1f));
        Assert.InRange(a.Average(), -0.1, 0.1); // mean of U(-1, 1) is 0; sd of the mean of 2000 draws is 0.013
        Assert.NotEqual(a.AsSpan(0, 1000).ToArray(), a.AsSpan(1000, 1000).ToArray());
    }

    [Fact]
    public void AMissingFolderIsAUsageError()
    {
        var e = Assert.Throws<QuantizationException>(() => CalibrationBatches.From(new CalibrationSource(Path.Combine(_folder, "nope"), 10, 0)));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void AnUnlabelledFolderTakesTheFirstImagesByName()
    {
        foreach (string name in new[] { "c.png", "a.jpg", "b.png", ".hidden.png", "notes.txt" })
        {
            File.WriteAllText(Path.Combine(_folder, name), "x");
        }

        CalibrationBatches batches = CalibrationBatches.From(new CalibrationSource(_folder, 2, 0));
        Assert.Equal(2, batches.Count); // a.jpg, b.png
        Assert.StartsWith("2 images of", batches.Description);
    }

    [Fact]
    public void ALabelledFolderIsReadAsEvalReadsIt()
    {
        foreach (string path in new[] { "cat/1.png", "cat/2.png", "dog/1.png" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder, path))!);
            File.WriteAllText(Path.Combine(_folder, path), "x");
        }

        Assert.Equal(3, CalibrationBatches.From(new CalibrationSource(_folder, 100, 0)).Count);
        Assert.Equal(2, CalibrationBatches.From(new CalibrationSource(_folder, 2, 0)).Count); // one per class first
    }
}
