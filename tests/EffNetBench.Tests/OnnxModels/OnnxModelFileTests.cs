using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Tests.Graph;
using Google.Protobuf;

namespace EffNetBench.Tests.OnnxModels;

public sealed class OnnxModelFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("effnet-graph-tests-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void LoadsAValidModel()
    {
        var path = Path.Combine(directory, "tiny.onnx");
        File.WriteAllBytes(path, TestModels.TinyCnn(1, withData: true).ToByteArray());

        var model = OnnxModelFile.Load(path);
        Assert.Equal(6952, GraphAnalyzer.Analyze(model, new AnalysisOptions()).Macs);
    }

    [Fact]
    public void MissingFile()
    {
        var path = Path.Combine(directory, "nope.onnx");
        var ex = Assert.Throws<ModelLoadException>(() => OnnxModelFile.Load(path));
        AssertOneLineNaming(ex, path);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RandomBytes()
    {
        var path = Path.Combine(directory, "random.onnx");
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<ModelLoadException>(() => OnnxModelFile.Load(path));
        AssertOneLineNaming(ex, path);
    }

    [Fact]
    public void TextFile()
    {
        var path = Path.Combine(directory, "readme.onnx");
        File.WriteAllText(path, "this is not a model\n");
        var ex = Assert.Throws<ModelLoadException>(() => OnnxModelFile.Load(path));
        AssertOneLineNaming(ex, path);
    }

    [Fact]
    public void TruncatedModel()
    {
        var path = Path.Combine(directory, "cut.onnx");
        var bytes = TestModels.TinyCnn(1, withData: true).ToByteArray();
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var ex = Assert.Throws<ModelLoadException>(() => OnnxModelFile.Load(path));
        AssertOneLineNaming(ex, path);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFileAndDirectory()
    {
        var path = Path.Combine(directory, "empty.onnx");
        File.WriteAllBytes(path, []);
        AssertOneLineNaming(Assert.Throws<ModelLoadException>(() => OnnxModelFile.Load(path)), path);
        AssertOneLineNaming(Assert.Throws<ModelLoadException>(() => OnnxModelFile.Load(directory)), directory);
    }

    private static void AssertOneLineNaming(ModelLoadException ex, string path)
    {
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.ModelPath);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
