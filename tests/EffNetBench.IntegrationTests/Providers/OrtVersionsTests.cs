using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using EffNetBench.Core.Providers;
using EffNetBench.IntegrationTests.Run;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>
/// Two ONNX Runtime releases through one tool: the managed API is the oldest supported (1.30.0), the bundled native
/// library the newest (1.31.1), and --ort-lib loads the native library of either from the NuGet packages (1.30.0 is
/// restored by the PackageDownload item of this project). Each --ort-lib run is its own tool process, since a process
/// binds one native library.
/// </summary>
[Collection(RunCollection.Name)]
public sealed class OrtVersionsTests : IDisposable
{
    private const string Oldest = "1.30.0";
    private const string Bundled = "1.31.1";

    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [SkippableFact]
    public void The_tool_is_built_against_the_oldest_managed_api_and_bundles_the_newest_native_library()
    {
        Assert.Equal(new Version(1, 30, 0, 0), typeof(OrtEnv).Assembly.GetName().Version);
        Assert.Equal(new Version(1, 30, 0, 0), AssemblyName.GetAssemblyName(Path.Combine(AppContext.BaseDirectory, "Microsoft.ML.OnnxRuntime.dll")).Version);
        Assert.Equal(Bundled, OrtNativeApi.BundledVersion);
        Assert.Equal("ONNX Runtime 1.30 or newer (the bundled library is 1.31.1)", OrtNativeApi.Supported);

        // The native library next to the tool is the 1.31.1 package's, byte for byte.
        string? package = PackageLibrary(Bundled);
        Skip.If(package is null, $"no Microsoft.ML.OnnxRuntime {Bundled} native library for {Rid()} in {PackageRoot}");
        string shipped = Path.Combine(AppContext.BaseDirectory, "runtimes", Rid(), "native", OrtLibrary.NativeFileName);
        Assert.Equal(File.ReadAllBytes(package!), File.ReadAllBytes(shipped));
    }

    [SkippableFact]
    public void Providers_with_the_oldest_supported_library_reports_its_version_and_path()
    {
        string library = Library(Oldest);

        using ToolProcess tool = ToolProcess.Start("providers", "--ort-lib", library);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(1)), tool.Transcript);

        Assert.True(tool.ExitCode == 0, tool.Transcript);
        Assert.Contains($"ONNX Runtime {Oldest}\n", tool.Transcript, StringComparison.Ordinal);
        Assert.Contains($"Library: {library}\n", tool.Transcript, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(Oldest)]
    [InlineData(Bundled)]
    public void Run_with_either_library_measures_and_records_the_native_version(string version)
    {
        string library = Library(version);
        string model = _work.TinyModel("tiny");

        using ToolProcess tool = ToolProcess.Start("run", "--model", model, "--preset", "quick", "--providers", "cpu",
            "--out", _work.Out, "--cache-dir", _work.Cache, "--ort-lib", library);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(3)), tool.Transcript);

        Assert.True(tool.ExitCode == 0, tool.Transcript);
        using JsonDocument results = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.Out, "results.json")));
        JsonElement environment = results.RootElement.GetProperty("environment");
        Assert.Equal(version, environment.GetProperty("onnxruntime").GetString());
        Assert.Equal(library, environment.GetProperty("onnxruntime_library").GetString());
        JsonElement c = Assert.Single(results.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Equal("ok", c.GetProperty("status").GetString());
    }

    private static string PackageRoot =>
        typeof(OrtVersionsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    /// <summary>The native library of a Microsoft.ML.OnnxRuntime package in the NuGet global packages folder; skips when absent.</summary>
    private static string Library(string version) =>
        PackageLibrary(version) ?? throw new SkipException($"no Microsoft.ML.OnnxRuntime {version} native library for {Rid()} in {PackageRoot} (restore the integration tests)");

    private static string? PackageLibrary(string version)
    {
        string path = Path.Combine(PackageRoot, "microsoft.ml.onnxruntime", version, "runtimes", Rid(), "native", OrtLibrary.NativeFileName);
        return File.Exists(path) ? path : null;
    }

    private static string Rid()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture other => other.ToString().ToLowerInvariant(),
        };
        return $"{os}-{arch}";
    }
}
