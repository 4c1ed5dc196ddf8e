using System.Globalization;
using System.Text.Json;
using EffNetBench.Core.Graph;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Zoo;

namespace EffNetBench.IntegrationTests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("effnet-bench-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Models_json_lists_every_variant_with_the_contract_fields()
    {
        (int code, string output, string error) = CliRunner.Run("models", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(ZooCatalog.All.Length, json.RootElement.GetArrayLength());
        JsonElement b0 = json.RootElement[0];
        Assert.Equal("b0", b0.GetProperty("name").GetString());
        Assert.Equal(224, b0.GetProperty("resolution").GetInt32());
        Assert.Equal(5_288_548, b0.GetProperty("params").GetInt64());
        Assert.Equal(385_814_752, b0.GetProperty("macs").GetInt64());
        Assert.True(b0.GetProperty("flops").GetInt64() > 2 * 385_814_752);
        Assert.Equal(77.1, b0.GetProperty("reference_top1").GetDouble());
        Assert.Equal("paper", b0.GetProperty("reference_source").GetString());
    }

    [Fact]
    public void Models_csv_is_invariant_under_a_comma_decimal_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            (int code, string output, _) = CliRunner.Run("models", "-f", "csv");
            Assert.Equal(0, code);
            string[] lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("name,family,resolution,params,graph_params,macs,flops,", lines[0]);
            Assert.StartsWith("b0,EfficientNet,224,5288548,5267540,385814752,", lines[1]);
            Assert.Contains(",77.1,93.3,paper,", lines[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Export_then_analyze_agrees_with_the_architecture_count()
    {
        string path = Path.Combine(_dir, "lite0.onnx");
        (int code, string output, _) = CliRunner.Run("export", "efficientnet-lite0", "-o", path, "--batch", "dynamic", "--bn", "keep");
        Assert.Equal(0, code);
        Assert.Contains("lite0.onnx", output);

        (code, output, _) = CliRunner.Run("analyze", path, "--format", "json", "--batch", "4");
        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        ArchitectureCount count = ArchitectureCounter.Count(ArchitectureBuilder.Build(ZooCatalog.Find("lite0").Spec));
        Assert.Equal(count.KeptGraphParams, json.RootElement.GetProperty("params").GetInt64());
        Assert.Equal(4 * count.Macs, json.RootElement.GetProperty("macs").GetInt64());
        Assert.Equal(4 * count.KeptGraphParams, json.RootElement.GetProperty("weight_bytes").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("not_counted").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("by_op").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("b0")]
    [InlineData("b4")]
    [InlineData("lite3")]
    [InlineData("v2-m")]
    public void Analysis_of_the_generated_graph_equals_the_independent_count(string name)
    {
        EfficientNetArchitecture arch = ArchitectureBuilder.Build(ZooCatalog.Find(name).Spec);
        ArchitectureCount count = ArchitectureCounter.Count(arch);

        GraphAnalysis folded = GraphAnalyzer.Analyze(EfficientNetOnnx.Build(arch, new ExportOptions(StructureOnly: true)), new AnalysisOptions());
        GraphAnalysis kept = GraphAnalyzer.Analyze(EfficientNetOnnx.Build(arch, new ExportOptions(StructureOnly: true, BatchNorm: BatchNormMode.Keep)), new AnalysisOptions());

        Assert.True(folded.IsComplete && kept.IsComplete);
        Assert.Equal(count.Macs, folded.Macs);
        Assert.Equal(count.Macs, kept.Macs);
        Assert.Equal(count.FoldedGraphParams, folded.Params);
        Assert.Equal(count.KeptGraphParams, kept.Params);
    }

    [Fact]
    public void Analyze_of_a_zoo_variant_takes_the_batch_option()
    {
        (int code, string output, _) = CliRunner.Run("analyze", "b0", "--format", "json", "--batch", "8");

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(8 * 385_814_752L, json.RootElement.GetProperty("macs").GetInt64());
    }

    [Theory]
    [InlineData("b0")]
    [InlineData("b0", "--batch", "8")]
    public void Analyze_of_a_zoo_variant_warns_of_no_symbolic_batch(params string[] args)
    {
        (int code, string output, string error) = CliRunner.Run(["analyze", .. args, "--format", "json"]);

        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.DoesNotContain("symbolic", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_of_a_file_with_a_symbolic_batch_says_what_it_was_set_to()
    {
        string path = Path.Combine(_dir, "dynamic.onnx");
        Assert.Equal(0, CliRunner.Run("export", "b0", "-o", path, "--batch", "dynamic", "--resolution", "64").ExitCode);

        (int code, string output, _) = CliRunner.Run("analyze", path, "--format", "json");

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("symbolic batch dimension ('batch') of input(s) input set to 1", Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray()).GetString());
    }

    [Fact]
    public void Custom_scaling_by_phi_exports_a_valid_model()
    {
        string path = Path.Combine(_dir, "phi.onnx");
        (int code, string output, string error) = CliRunner.Run("export", "custom", "--phi", "0.5", "-o", path, "--resolution", "96");
        Assert.True(code == 0, error);
        Assert.Contains("custom-w1.049-d1.095-r96", output);
        Assert.True(OnnxModelFile.Load(path).Graph.Node.Count > 100);
    }

    [Theory]
    [InlineData(2, "export", "b9")]
    [InlineData(2, "export", "b0", "--batch", "zero")]
    [InlineData(2, "export", "b0", "--bn", "drop")]
    [InlineData(2, "export", "custom", "--width", "1.1")]
    [InlineData(2, "export", "b0", "--width", "1.1", "--depth", "1.2")]
    [InlineData(2, "export", "b0", "--resolution", "8")]
    [InlineData(2, "models", "--format", "xml")]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "analyze")]
    [InlineData(2, "analyze", "does-not-exist.onnx")]
    [InlineData(2, "analyze", ".")]
    [InlineData(2, "analyze", "b0", "--batch", "0")]
    [InlineData(2, "export", "b0", "--resolution", "2049")]
    [InlineData(2, "export", "custom", "--phi", "10.5")]
    [InlineData(2, "compare", "no-such-run", "no-such-run-either")]
    [InlineData(2, "history", "no-such-run")]
    [InlineData(2, "report", "no-such-run")]
    public void Bad_input_gets_one_line_and_the_right_exit_code(int expected, params string[] args)
    {
        (int code, string output, string error) = CliRunner.Run(args);

        Assert.Equal(expected, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("effnet-bench: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_missing_input_or_one_of_the_wrong_kind_is_exit_2_saying_which()
    {
        string file = Path.Combine(_dir, "a-file.txt");
        File.WriteAllText(file, "x");
        string missing = Path.Combine(_dir, "missing.onnx");
        foreach ((string[] args, string message) in new (string[], string)[]
        {
            (["analyze", _dir], $"'{_dir}' is a folder, not an ONNX file"),
            (["analyze", missing], $"ONNX model file '{missing}' does not exist"),
            (["eval", _dir, _dir], $"MODEL '{_dir}' is a folder, not an ONNX file"),
            (["eval", "b0", _dir, "--classes", _dir], $"--classes '{_dir}' is a folder, not a text file of class names"),
            (["eval", "b0", _dir, "--labels", missing], $"--labels '{missing}' does not exist"),
            (["eval", "b0", file], $"'{file}' is a file but not a .csv"),
            (["eval", "b0", _dir, "--out", file], $"--out '{file}' is a file, not a folder"),
            (["run", "--resume", file], $"--resume '{file}' is a file, not a run folder"),
            (["export", "b0", "-o", _dir], $"--output '{_dir}' is a folder, not an ONNX file"),
            (["report", file], $"'{file}' is not valid JSON"),
            (["report", _dir, "--out", file], $"--out '{file}' is a file, not a folder"),
            (["compare", missing, missing], $"results file '{missing}' not found"),
            (["leakage", file, _dir], $"TRAIN_DIR '{file}' is not a folder but a file"),
        })
        {
            (int code, string output, string error) = CliRunner.Run(args);
            int expected = args[0] == "report" && args.Length == 2 ? 1 : 2; // a file that is there but not JSON: the operation failed
            Assert.True(code == expected, $"{string.Join(' ', args)}: exit {code}: {error}");
            Assert.Equal(string.Empty, output);
            Assert.Single(error.TrimEnd().Split('\n'));
            Assert.StartsWith("effnet-bench: " + message, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Not_onnx_and_truncated_files_fail_with_exit_1_naming_the_file()
    {
        string junk = Path.Combine(_dir, "junk.onnx");
        File.WriteAllBytes(junk, Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251)).ToArray());
        string good = Path.Combine(_dir, "good.onnx");
        Assert.Equal(0, CliRunner.Run("export", "b0", "-o", good, "--resolution", "64").ExitCode);
        string truncated = Path.Combine(_dir, "truncated.onnx");
        byte[] bytes = File.ReadAllBytes(good);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

        foreach (string path in new[] { junk, truncated })
        {
            (int code, _, string error) = CliRunner.Run("analyze", path);
            Assert.Equal(1, code);
            Assert.Contains(path, error);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
    }

    [Fact]
    public void Verbose_shows_the_stack_trace()
    {
        (int code, _, string error) = CliRunner.Run("analyze", Path.Combine(_dir, "missing.onnx"), "--verbose");
        Assert.Equal(2, code);
        Assert.Contains("   at ", error);
    }

    [Fact]
    public void Failed_export_leaves_no_half_written_file()
    {
        string blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "a file where a folder is needed");
        (int code, _, string error) = CliRunner.Run("export", "b0", "-o", Path.Combine(blocker, "b0.onnx"), "--resolution", "64");

        Assert.Equal(1, code);
        Assert.Contains("blocker", error);
        Assert.Equal([blocker], Directory.GetFileSystemEntries(_dir));
    }
}
