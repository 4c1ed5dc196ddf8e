using System.CommandLine;
using System.Text.Json;
using EffNetBench.Commands;

namespace EffNetBench.IntegrationTests.Providers;

public sealed class ProvidersCommandTests
{
    [Fact]
    public void Json_lists_the_runtime_and_every_provider()
    {
        (int code, string output) = Run("providers", "--format", "json");

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.StartsWith("1.31.1", root.GetProperty("ort_version").GetString());
        Assert.EndsWith("libonnxruntime.so", root.GetProperty("library_path").GetString());
        Assert.Equal("CPUExecutionProvider", root.GetProperty("compiled_providers")[0].GetString());
        JsonElement[] providers = root.GetProperty("providers").EnumerateArray().ToArray();
        Assert.Equal(["cpu", "cuda", "tensorrt", "openvino"], providers.Select(p => p.GetProperty("provider").GetString()));
        Assert.True(providers[0].GetProperty("usable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, providers[0].GetProperty("reason").ValueKind);
        Assert.Equal("CUDAExecutionProvider", providers[1].GetProperty("ort_name").GetString());
        Assert.False(providers[1].GetProperty("compiled_in").GetBoolean());
        Assert.False(providers[1].GetProperty("usable").GetBoolean());
        Assert.StartsWith("not compiled into this ONNX Runtime build", providers[1].GetProperty("reason").GetString());
    }

    [Fact]
    public void Table_shows_version_library_and_one_row_per_provider()
    {
        (int code, string output) = Run("providers");

        Assert.Equal(0, code);
        string[] lines = output.Split('\n');
        Assert.StartsWith("ONNX Runtime 1.31.1", lines[0]);
        Assert.StartsWith("Library: /", lines[1]);
        Assert.Contains(lines, l => l.Contains("provider") && l.Contains("ort_name") && l.Contains("compiled_in") && l.Contains("usable") && l.Contains("reason"));
        Assert.Contains(lines, l => l.Contains("cpu") && l.Contains("CPUExecutionProvider") && l.Contains("yes"));
        Assert.Contains(lines, l => l.Contains("cuda") && l.Contains("CUDAExecutionProvider") && l.TrimEnd().EndsWith("no      see [1]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("tensorrt") && l.TrimEnd().EndsWith("see [1]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("openvino") && l.TrimEnd().EndsWith("see [2]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[1] not compiled into this ONNX Runtime build (1.31.1 has CPUExecutionProvider); use a GPU build (Microsoft.ML.OnnxRuntime.Gpu.Linux)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[2] not compiled into this ONNX Runtime build", StringComparison.Ordinal) && l.Contains("OpenVINO build"));
    }

    [Fact]
    public void Csv_is_not_offered() =>
        Assert.Throws<UsageException>(() => Run("providers", "-f", "csv"));

    private static (int Code, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var root = new RootCommand("test") { ProvidersCommand.Create(output) };
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        return (code, output.ToString());
    }
}
