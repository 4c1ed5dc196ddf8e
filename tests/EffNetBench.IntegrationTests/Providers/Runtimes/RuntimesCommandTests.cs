using System.Text.Json;
using EffNetBench.IntegrationTests.Cli;
using EffNetBench.Tests.Providers.Runtimes;

namespace EffNetBench.IntegrationTests.Providers.Runtimes;

/// <summary>`runtimes add/list/remove` and the `--ort` refusals through the CLI, in this process (nothing here loads a
/// native library), against a hand-built local feed named by --configfile.</summary>
public sealed class RuntimesCommandTests : IDisposable
{
    private readonly LocalFeed _feed = new();

    public void Dispose() => _feed.Dispose();

    private string Cache => Path.GetDirectoryName(_feed.Store.Directory)!;

    [Fact]
    public void Add_list_and_remove_a_version()
    {
        _feed.AddPackage("Microsoft.ML.OnnxRuntime", "1.30.0");

        (int code, string output, string error) = CliRunner.Run("runtimes", "add", "1.30.0", "--configfile", _feed.Config, "--cache-dir", Cache);

        Assert.True(code == 0, error);
        string folder = Path.Combine(_feed.Store.Directory, "1.30.0-cpu");
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal($"added Microsoft.ML.OnnxRuntime 1.30.0 (cpu, {Core.Providers.Runtimes.RuntimeStore.Rid}) from {_feed.Folder}: 2 files, 0 MiB", lines[0]);
        Assert.StartsWith("sha512: ", lines[1], StringComparison.Ordinal);
        Assert.Equal($"library: {Path.Combine(folder, Core.Providers.OrtLibrary.NativeFileName)}", lines[2]);
        Assert.Equal("use it with --ort 1.30.0", lines[3]);
        Assert.Equal($"fetching Microsoft.ML.OnnxRuntime 1.30.0 from {_feed.Folder} ...\n", error);

        (code, output, _) = CliRunner.Run("runtimes", "add", "1.30.0", "--configfile", _feed.Config, "--cache-dir", Cache);
        Assert.Equal(0, code);
        Assert.StartsWith($"Microsoft.ML.OnnxRuntime 1.30.0 (cpu) is already in the cache (from {_feed.Folder})\n", output, StringComparison.Ordinal);

        (code, output, _) = CliRunner.Run("runtimes", "list", "--cache-dir", Cache, "--format", "json");
        Assert.Equal(0, code);
        using (JsonDocument json = JsonDocument.Parse(output))
        {
            JsonElement package = Assert.Single(json.RootElement.GetProperty("runtimes").EnumerateArray()).GetProperty("package");
            Assert.Equal("1.30.0", package.GetProperty("version").GetString());
            Assert.Equal("cpu", package.GetProperty("flavor").GetString());
            Assert.Equal(_feed.Folder, package.GetProperty("source").GetString());
            Assert.Equal(lines[1]["sha512: ".Length..], package.GetProperty("sha512").GetString());
        }

        (code, output, _) = CliRunner.Run("runtimes", "list", "--cache-dir", Cache);
        Assert.Equal(0, code);
        Assert.Contains("1.30.0  Microsoft.ML.OnnxRuntime  1.30.0   cpu ", output, StringComparison.Ordinal);

        (code, output, _) = CliRunner.Run("runtimes", "remove", "1.30.0", "--cache-dir", Cache);
        Assert.Equal(0, code);
        Assert.Equal($"removed ONNX Runtime 1.30.0 (cpu) from {_feed.Store.Directory}\n", output);
        Assert.False(Directory.Exists(folder));

        (code, _, error) = CliRunner.Run("runtimes", "remove", "1.30.0", "--cache-dir", Cache);
        Assert.Equal(2, code);
        Assert.Equal($"effnet-bench: ONNX Runtime 1.30.0 (cpu) is not in the runtime cache {_feed.Store.Directory}: see 'effnet-bench runtimes list'\n", error);
    }

    [Fact]
    public void An_unknown_version_exits_2_and_an_unreachable_feed_exits_1_in_one_line_each()
    {
        _feed.AddPackage("Microsoft.ML.OnnxRuntime", "1.30.0");
        string nowhere = _feed.WriteConfig("Nowhere.Config", Path.Combine(_feed.Root, "nowhere"));

        (int unknown, _, string unknownError) = CliRunner.Run("runtimes", "add", "1.31.7", "--configfile", _feed.Config, "--cache-dir", Cache);
        (int unreachable, _, string unreachableError) = CliRunner.Run("runtimes", "add", "1.30.0", "--configfile", nowhere, "--cache-dir", Cache);

        Assert.Equal(2, unknown);
        Assert.Equal($"effnet-bench: Microsoft.ML.OnnxRuntime 1.31.7 is not on the NuGet feed(s) {_feed.Folder} (they have 1.30.0): give a version they have, or pass --ort-lib PATH",
            unknownError.Split('\n')[1]);
        Assert.Equal(1, unreachable);
        Assert.StartsWith($"effnet-bench: no NuGet feed reachable for Microsoft.ML.OnnxRuntime 1.30.0: {Path.Combine(_feed.Root, "nowhere")} (", unreachableError.Split('\n')[1], StringComparison.Ordinal);
        Assert.Empty(_feed.CacheEntries());
    }

    [Theory]
    [InlineData("providers")]
    [InlineData("run", "--variants", "b0")]
    [InlineData("eval", "b0", "images")]
    public void Ort_with_a_version_not_in_the_cache_exits_2_with_the_command_that_adds_it(params string[] command)
    {
        // The runtime cache is the model cache's runtimes/ (EFFNET_BENCH_CACHE points at a private folder in these tests).
        (int code, _, string error) = CliRunner.Run([.. command, "--ort", "1.31.1"]);

        Assert.Equal(2, code);
        Assert.Matches(@"^effnet-bench: --ort 1\.31\.1: ONNX Runtime 1\.31\.1 \(cpu, Microsoft\.ML\.OnnxRuntime\) is not in the runtime cache .*runtimes: run `effnet-bench runtimes add 1\.31\.1` first, or pass --ort-lib PATH\n$", error);
    }

    [Fact]
    public void Ort_and_ort_lib_together_are_a_usage_error()
    {
        (int code, _, string error) = CliRunner.Run("providers", "--ort", "1.30.0", "--ort-lib", "/nowhere/libonnxruntime.so");

        Assert.Equal(2, code);
        Assert.Equal("effnet-bench: --ort 1.30.0 and --ort-lib /nowhere/libonnxruntime.so both name the ONNX Runtime to load: give one of them\n", error);
    }

    [Fact]
    public void Ab_arms_by_version_are_looked_up_in_the_cache_dir_and_refused_beside_a_library_path()
    {
        string lib = Path.Combine(_feed.Root, "libonnxruntime.so");
        File.WriteAllText(lib, "stand-in");

        (int both, _, string bothError) = CliRunner.Run("ab", "b0", "b0", "--baseline-ort", "1.30.0", "--baseline-ort-lib", lib, "--cache-dir", Cache, "--out", Path.Combine(_feed.Root, "ab"));
        (int missing, _, string missingError) = CliRunner.Run("ab", "b0", "b0", "--candidate-ort", "1.31.0:gpu-linux", "--cache-dir", Cache, "--out", Path.Combine(_feed.Root, "ab"));

        Assert.Equal(2, both);
        Assert.Equal($"effnet-bench: --baseline-ort 1.30.0 and --baseline-ort-lib {lib} both name the arm's ONNX Runtime: give one of them\n", bothError);
        Assert.Equal(2, missing);
        Assert.StartsWith($"effnet-bench: --candidate-ort 1.31.0:gpu-linux: ", missingError, StringComparison.Ordinal);
        Assert.Contains($"is not in the runtime cache {_feed.Store.Directory}", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_flavor_or_version_is_a_usage_error()
    {
        (int flavor, _, string flavorError) = CliRunner.Run("runtimes", "add", "1.30.0", "--flavor", "rocm", "--cache-dir", Cache);
        (int version, _, string versionError) = CliRunner.Run("runtimes", "add", "newest", "--cache-dir", Cache);

        Assert.Equal(2, flavor);
        Assert.Equal("effnet-bench: --flavor: 'rocm' is not an ONNX Runtime flavor: use cpu, gpu-linux, gpu-windows, directml, openvino (or gpu: this system's GPU package)\n", flavorError);
        Assert.Equal(2, version);
        Assert.Equal("effnet-bench: VERSION 'newest' is not an ONNX Runtime version: use a NuGet version such as 1.30.0 (optionally :flavor), or pass --ort-lib PATH\n", versionError);
    }
}
