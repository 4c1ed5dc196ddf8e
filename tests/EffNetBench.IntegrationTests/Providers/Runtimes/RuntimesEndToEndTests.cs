using System.Reflection;
using System.Text.Json;
using EffNetBench.IntegrationTests.Run;
using EffNetBench.Tests.Providers.Runtimes;

namespace EffNetBench.IntegrationTests.Providers.Runtimes;

/// <summary>
/// Real ONNX Runtime packages by version: `runtimes add`, then tool processes loading them with `--ort`, whose results
/// name the version, flavor and package hash. The fast tests take the .nupkg files NuGet restored into its global
/// packages folder (1.30.0 by this project's PackageDownload, 1.31.1 as the bundled one) through a local folder feed;
/// the Slow ones fetch from the feeds of the machine's normal NuGet configuration, as a user would.
/// </summary>
[Collection(RunCollection.Name)]
public sealed class RuntimesEndToEndTests : IDisposable
{
    private readonly RunWorkspace _work = new();
    private readonly LocalFeed _feed = new();

    public void Dispose()
    {
        _feed.Dispose();
        _work.Dispose();
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Ab_compares_two_releases_by_version_and_each_arm_records_its_package()
    {
        (_, string sha130) = LocalPackage("1.30.0");
        (_, string sha1311) = LocalPackage("1.31.1");
        Add(["--configfile", _feed.Config], "1.30.0");
        Add(["--configfile", _feed.Config], "1.31.1");
        string model = _work.TinyModel("tiny");

        using ToolProcess tool = ToolProcess.Start("ab", model, model, "--baseline-ort", "1.30.0", "--candidate-ort", "1.31.1", "--preset", "quick",
            "--providers", "cpu", "--out", _work.Out, "--cache-dir", _work.Cache);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(3)), tool.Transcript);

        Assert.True(tool.ExitCode is 0 or 3, tool.Transcript);
        using JsonDocument results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.Out, "results.json")));
        var arms = results.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => (Arm: c.GetProperty("arm").GetString(), Package: c.GetProperty("ort_package")))
            .ToDictionary(a => a.Arm!, a => a.Package);
        Assert.Equal("1.30.0", arms["baseline"].GetProperty("version").GetString());
        Assert.Equal(sha130, arms["baseline"].GetProperty("sha512").GetString());
        Assert.Equal("1.31.1", arms["candidate"].GetProperty("version").GetString());
        Assert.Equal(sha1311, arms["candidate"].GetProperty("sha512").GetString());
        string ab = File.ReadAllText(Path.Combine(_work.Out, "ab.md"));
        Assert.Contains("- baseline ONNX Runtime: 1.30.0 cpu (Microsoft.ML.OnnxRuntime, ", ab, StringComparison.Ordinal);
        Assert.Contains("- candidate ONNX Runtime: 1.31.1 cpu (Microsoft.ML.OnnxRuntime, ", ab, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Providers_with_ort_loads_the_cached_library_and_names_its_package()
    {
        (_, string sha) = LocalPackage("1.30.0");
        Add(["--configfile", _feed.Config], "1.30.0");

        using ToolProcess tool = ToolProcess.Start("providers", "--ort", "1.30.0", "--format", "json", "--cache-dir", _work.Cache);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(1)), tool.Transcript);

        Assert.True(tool.ExitCode == 0, tool.Transcript);
        using JsonDocument json = JsonDocument.Parse(tool.Transcript["stdout:\n".Length..tool.Transcript.IndexOf("\nstderr:", StringComparison.Ordinal)]);
        Assert.Equal("1.30.0", json.RootElement.GetProperty("ort_version").GetString());
        Assert.Equal(Path.Combine(_work.Cache, "runtimes", "1.30.0-cpu", Core.Providers.OrtLibrary.NativeFileName), json.RootElement.GetProperty("library_path").GetString());
        Assert.Equal(sha, json.RootElement.GetProperty("ort_package").GetProperty("sha512").GetString());
    }

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Run_with_ort_records_the_version_flavor_and_the_hash_nuget_recorded()
    {
        (_, string sha) = LocalPackage("1.30.0");
        Add(["--configfile", _feed.Config], "1.30.0");

        JsonElement environment = RunWithOrt("1.30.0");

        Assert.Equal("1.30.0", environment.GetProperty("onnxruntime").GetString());
        JsonElement package = environment.GetProperty("onnxruntime_package");
        Assert.Equal("Microsoft.ML.OnnxRuntime", package.GetProperty("id").GetString());
        Assert.Equal("1.30.0", package.GetProperty("version").GetString());
        Assert.Equal("cpu", package.GetProperty("flavor").GetString());
        Assert.Equal(_feed.Folder, package.GetProperty("source").GetString());

        // The .nupkg.sha512 NuGet's restore wrote into the global packages folder: an independent record of the same hash.
        Assert.Equal(sha, package.GetProperty("sha512").GetString());
    }

    [SkippableTheory]
    [Trait("Category", "Slow")]
    [InlineData("1.30.0")]
    [InlineData("1.31.1")]
    public void Runtimes_add_from_the_real_feed_then_run_with_ort_names_the_version(string version)
    {
        // No --configfile: the NuGet.Config files dotnet uses from this folder, the user's and the machine's.
        Add([], version);

        JsonElement environment = RunWithOrt(version);

        Assert.Equal(version, environment.GetProperty("onnxruntime").GetString());
        JsonElement package = environment.GetProperty("onnxruntime_package");
        Assert.Equal(version, package.GetProperty("version").GetString());
        Assert.Equal("cpu", package.GetProperty("flavor").GetString());
        Assert.Equal(88, package.GetProperty("sha512").GetString()!.Length);
        if (GlobalPackageSha512(version) is string recorded)
        {
            Assert.Equal(recorded, package.GetProperty("sha512").GetString());
        }
    }

    private void Add(string[] options, string version)
    {
        using ToolProcess tool = ToolProcess.Start(["runtimes", "add", version, "--cache-dir", _work.Cache, .. options]);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(5)), tool.Transcript);
        Assert.True(tool.ExitCode == 0, tool.Transcript);
    }

    private JsonElement RunWithOrt(string ort)
    {
        string model = _work.TinyModel("tiny");
        using ToolProcess tool = ToolProcess.Start("run", "--model", model, "--preset", "quick", "--providers", "cpu",
            "--out", _work.Out, "--cache-dir", _work.Cache, "--ort", ort);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(3)), tool.Transcript);

        Assert.True(tool.ExitCode == 0, tool.Transcript);
        using JsonDocument results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.Out, "results.json")));
        Assert.Equal("ok", Assert.Single(results.RootElement.GetProperty("cases").EnumerateArray()).GetProperty("status").GetString());
        return results.RootElement.GetProperty("environment").Clone();
    }

    /// <summary>Puts the global packages folder's Microsoft.ML.OnnxRuntime .nupkg of <paramref name="version"/> into the
    /// local feed; returns it and NuGet's recorded SHA-512. Skips when restore did not bring it.</summary>
    private (string Nupkg, string Sha512) LocalPackage(string version)
    {
        string folder = Path.Combine(PackageRoot, "microsoft.ml.onnxruntime", version);
        string nupkg = Path.Combine(folder, $"microsoft.ml.onnxruntime.{version}.nupkg");
        Skip.IfNot(File.Exists(nupkg) && GlobalPackageSha512(version) is not null, $"no Microsoft.ML.OnnxRuntime {version} package in {PackageRoot} (restore the integration tests)");
        string copy = Path.Combine(_feed.Folder, Path.GetFileName(nupkg));
        File.CreateSymbolicLink(copy, nupkg);
        return (copy, GlobalPackageSha512(version)!);
    }

    private static string? GlobalPackageSha512(string version)
    {
        string path = Path.Combine(PackageRoot, "microsoft.ml.onnxruntime", version, $"microsoft.ml.onnxruntime.{version}.nupkg.sha512");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    private static string PackageRoot =>
        typeof(RuntimesEndToEndTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
}
