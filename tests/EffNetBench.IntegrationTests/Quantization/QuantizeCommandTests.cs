using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.IntegrationTests.Cli;
using Onnx;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Quantization;

public sealed class QuantizeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("effnet-bench-quantize-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Cnn() => TinyModels.Save(TinyModels.SmallCnn(), _folder, "cnn.onnx");

    private string Out(string name) => Path.Combine(_folder, name);

    [Fact]
    public void CalibratesOnALabelledImageFolderAndPrintsTheReport()
    {
        string data = Path.Combine(_folder, "cal");
        WriteImage(Path.Combine(data, "cat", "a.png"), SKColors.Orange);
        WriteImage(Path.Combine(data, "cat", "b.png"), SKColors.Black);
        WriteImage(Path.Combine(data, "dog", "c.png"), SKColors.SkyBlue);

        var (code, output, error) = CliRunner.Run("quantize", Cnn(), "-o", Out("cnn-int8.onnx"), "--calibration", data, "--method", "percentile", "--percentile", "99.9");

        Assert.True(code == 0, error);
        Assert.Contains("in int8", output);
        Assert.Contains("nodes converted: 6; kept in float32: 0", output);
        Assert.Contains("calibration: percentile 99.9 over 3 images of", output);
        Assert.True(File.Exists(Out("cnn-int8.onnx")));
    }

    [Fact]
    public void AnUnlabelledFolderIsUsedInNameOrderUpToTheLimit()
    {
        string data = Path.Combine(_folder, "flat");
        foreach (string name in new[] { "1.png", "2.png", "3.png" })
        {
            WriteImage(Path.Combine(data, name), SKColors.Green);
        }

        var (code, output, error) = CliRunner.Run("quantize", Cnn(), "-o", Out("flat.onnx"), "--calibration", data, "--calibration-images", "2");
        Assert.True(code == 0, error);
        Assert.Contains("min-max over 2 images of", output);
    }

    [Fact]
    public void AnEmptyCalibrationFolderIsAUsageError()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "no images here");
        var (code, _, error) = CliRunner.Run("quantize", Cnn(), "-o", Out("x.onnx"), "--calibration", empty);
        Assert.Equal(2, code);
        Assert.Contains("has no images", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(Out("x.onnx")));
    }

    [Fact]
    public void AFolderOfUndecodableImagesFails()
    {
        string bad = Directory.CreateDirectory(Path.Combine(_folder, "bad")).FullName;
        File.WriteAllText(Path.Combine(bad, "a.png"), "not a png");
        var (code, _, error) = CliRunner.Run("quantize", Cnn(), "-o", Out("x.onnx"), "--calibration", bad);
        Assert.Equal(1, code);
        Assert.Contains("no calibration input could be used", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void AModelWithoutQuantizableOperatorsIsAUsageError()
    {
        var b = new OnnxGraphBuilder("sigmoid_only");
        b.Graph.Input.Add(OnnxGraphBuilder.FloatTensor("x", 1, 4));
        b.Node("Sigmoid", "sig", ["x"], "y");
        b.Graph.Output.Add(OnnxGraphBuilder.FloatTensor("y", 1, 4));
        string path = TinyModels.Save(OnnxModelFile.Create(b.Graph, 17), _folder, "sigmoid.onnx");

        var (code, _, error) = CliRunner.Run("quantize", path, "-o", Out("x.onnx"));
        Assert.Equal(2, code);
        Assert.Contains("no quantizable operator", error);
    }

    [Fact]
    public void CalibrationWithoutStaticInt8IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("quantize", Cnn(), "-o", Out("x.onnx"), "--precision", "fp16", "--calibration", _folder);
        Assert.Equal(2, code);
        Assert.Contains("--calibration is for --precision int8 only", error);
    }

    [Fact]
    public void QuantizingTheOutputAgainIsRefused()
    {
        Assert.Equal(0, CliRunner.Run("quantize", Cnn(), "-o", Out("once.onnx")).ExitCode);
        var (code, _, error) = CliRunner.Run("quantize", Out("once.onnx"), "-o", Out("twice.onnx"));
        Assert.Equal(2, code);
        Assert.Contains("already quantized (it has a DequantizeLinear node)", error);
    }

    [Fact]
    [Trait("Category", "Slow")] // generates B0 and calibrates it: ~10 s on two quiet cores
    public void QdqB0HasTheFloatMacsAndAQuarterOfTheWeightBytes()
    {
        string cache = Directory.CreateDirectory(Path.Combine(_folder, "cache")).FullName;
        var (code, output, error) = CliRunner.Run("quantize", "b0", "-o", Out("b0-int8.onnx"), "--calibration-images", "4", "--cache-dir", cache);
        Assert.True(code == 0, error);
        Assert.Contains("kept in float32: 0", output);

        string float32 = Directory.EnumerateFiles(cache, "b0-*.onnx", SearchOption.AllDirectories).Single();
        GraphAnalysis f = GraphAnalyzer.Analyze(OnnxModelFile.Load(float32), new AnalysisOptions(1));
        GraphAnalysis q = GraphAnalyzer.Analyze(OnnxModelFile.Load(Out("b0-int8.onnx")), new AnalysisOptions(1));
        Assert.Equal(f.Macs, q.Macs);
        Assert.Equal(f.Macs, q.IntegerMacs);
        Assert.Equal(f.Params, q.Params);
        double ratio = (double)q.WeightBytes / f.WeightBytes;
        Assert.InRange(ratio, 0.25, 0.27); // int8 weights; int32 biases and per-channel scales stay 4 bytes

        // ONNX Runtime runs every convolution as an integer kernel (QLinearConv), none as a float Conv between Q/DQ pairs.
        string[] ops = QdqFusionTests.Optimized(OnnxModelFile.Load(Out("b0-int8.onnx")));
        Assert.Equal(81, ops.Count(o => o == "QLinearConv"));
        Assert.DoesNotContain("Conv", ops);

        // And it computes B0: on fresh synthetic inputs the INT8 logits follow the float ones (measured here: r = 0.998).
        float[] x = TinyModels.Uniform(2 * 3 * 224 * 224, seed: 123);
        float[] a = TinyModels.Run(float32, x, [2, 3, 224, 224]);
        float[] b = TinyModels.Run(Out("b0-int8.onnx"), x, [2, 3, 224, 224]);
        Assert.True(Correlation(a, b) > 0.99, $"r = {Correlation(a, b)}");
    }

    private static double Correlation(float[] a, float[] b)
    {
        double ma = a.Average();
        double mb = b.Average();
        double cov = a.Zip(b, (u, v) => (u - ma) * (v - mb)).Sum();
        return cov / Math.Sqrt(a.Sum(u => (u - ma) * (u - ma)) * b.Sum(v => (v - mb) * (v - mb)));
    }

    private static void WriteImage(string path, SKColor color)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(24, 20);
        bitmap.Erase(color);
        bitmap.SetPixel(3, 4, SKColors.White);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
