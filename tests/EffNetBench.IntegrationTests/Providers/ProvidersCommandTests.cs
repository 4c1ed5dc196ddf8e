using System.CommandLine;
using System.Text.Json;
using EffNetBench.Commands;
using EffNetBench.Core.Providers;

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
        RuntimeInfo runtime = ProviderProbe.Runtime();
        Assert.Equal(runtime.OrtVersion, root.GetProperty("ort_version").GetString());
        Assert.Equal(runtime.LibraryPath, root.GetProperty("library_path").GetString());
        Assert.Equal(runtime.CompiledProviders, root.GetProperty("compiled_providers").EnumerateArray().Select(p => p.GetString()));
        JsonElement[] providers = root.GetProperty("providers").EnumerateArray().ToArray();
        Assert.Equal(["cpu", "cuda", "tensorrt", "openvino"], providers.Select(p => p.GetProperty("provider").GetString()));
        Assert.True(providers[0].GetProperty("usable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, providers[0].GetProperty("reason").ValueKind);
        Assert.Equal("CUDAExecutionProvider", providers[1].GetProperty("ort_name").GetString());

        // As the probe finds each provider here: on the CPU-only build, CUDA is not compiled in and says so.
        foreach ((JsonElement p, ProviderStatus status) in providers.Zip(ProviderProbe.Probe(new ProviderSettings())))
        {
            Assert.Equal(status.CompiledIn, p.GetProperty("compiled_in").GetBoolean());
            Assert.Equal(status.Usable, p.GetProperty("usable").GetBoolean());
            if (!status.CompiledIn)
            {
                Assert.StartsWith("not compiled into this ONNX Runtime build", p.GetProperty("reason").GetString());
            }
        }
    }

    [SkippableFact]
    public void Table_shows_version_library_and_one_row_per_provider()
    {
        LoadedOrt.SkipUnlessCpuOnly(); // the rows and notes below are the CPU-only build's
        (int code, string output) = Run("providers");

        Assert.Equal(0, code);
        string[] lines = output.Split('\n');
        string version = ProviderProbe.Runtime().OrtVersion;
        Assert.StartsWith($"ONNX Runtime {version}", lines[0]);
        Assert.StartsWith("Library: /", lines[1]);
        Assert.Contains(lines, l => l.Contains("provider") && l.Contains("ort_name") && l.Contains("compiled_in") && l.Contains("usable") && l.Contains("reason"));
        Assert.Contains(lines, l => l.Contains("cpu") && l.Contains("CPUExecutionProvider") && l.Contains("yes"));
        Assert.Contains(lines, l => l.Contains("cuda") && l.Contains("CUDAExecutionProvider") && System.Text.RegularExpressions.Regex.IsMatch(l, @"\bno +see \[1\] *$"));
        Assert.Contains(lines, l => l.Contains("tensorrt") && l.TrimEnd().EndsWith("see [1]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("openvino") && l.TrimEnd().EndsWith("see [2]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"[1] not compiled into this ONNX Runtime build ({version} has CPUExecutionProvider); use a GPU build (Microsoft.ML.OnnxRuntime.Gpu.Linux)", StringComparison.Ordinal));
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
