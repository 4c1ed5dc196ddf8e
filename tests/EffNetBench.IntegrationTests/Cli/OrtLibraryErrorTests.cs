using EffNetBench.IntegrationTests.Run;

namespace EffNetBench.IntegrationTests.Cli;

/// <summary>
/// --ort-lib pointing at something that is not a usable ONNX Runtime: one line naming the library, what is wrong and the
/// fix, never "internal error". In a separate process, since a process can configure its ONNX Runtime library once.
/// </summary>
public sealed class OrtLibraryErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("effnet-bench-ortlib-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_that_is_not_a_shared_library_fails_with_exit_1()
    {
        string bogus = Path.Combine(_dir, "libonnxruntime.so");
        File.WriteAllText(bogus, "not a shared library");

        (int code, string error) = Tool("providers", "--ort-lib", bogus);

        Assert.True(code == 1, error);
        AssertOneLine(error);
        Assert.Contains($"cannot load ONNX Runtime library {bogus} (from --ort-lib)", error, StringComparison.Ordinal);
        Assert.Contains("give the path of a libonnxruntime.so", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_shared_library_that_is_not_onnx_runtime_fails_with_exit_1()
    {
        // Any shared library that loads will do: the C library of this process.
        string? libc = new[] { "/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6", "/lib64/libc.so.6", "/usr/lib/libc.so.6" }.FirstOrDefault(File.Exists);
        Skip.If(libc is null, "no glibc shared library found");

        (int code, string error) = Tool("eval", "b0", _dir, "--ort-lib", libc!);

        Assert.True(code == 1, error);
        AssertOneLine(error);
        Assert.Contains($"ONNX Runtime library {libc} (from --ort-lib) cannot be used: the file is not an ONNX Runtime library", error, StringComparison.Ordinal);
        Assert.Contains("give the libonnxruntime.so of ONNX Runtime 1.30 or newer (the bundled library is 1.31.1)", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("1.20.0")]
    [InlineData("1.29.1")] // just below the oldest supported (the managed API's 1.30)
    [InlineData("2.0.0")]
    public void An_onnx_runtime_of_an_unsupported_version_fails_with_exit_1_naming_both_versions(string version)
    {
        // A stand-in for another libonnxruntime: OrtGetApiBase reports the version and has no API of a newer one.
        string library = StandIn(version);

        (int code, string error) = Tool("providers", "--ort-lib", library);

        Assert.True(code == 1, error);
        AssertOneLine(error);
        Assert.Contains($"ONNX Runtime library {library} (from --ort-lib) cannot be used: it is ONNX Runtime {version}, and this tool's managed API 1.30 needs a native library of version 1.30 or newer (a 1.x release); give the libonnxruntime.so of ONNX Runtime 1.30 or newer (the bundled library is 1.31.1)", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_library_of_a_supported_version_without_the_managed_apis_version_fails_with_exit_1()
    {
        // Reports 1.30.0, the oldest supported, but GetApi(30) gives nothing: a broken or stripped build.
        string library = StandIn("1.30.0");

        (int code, string error) = Tool("providers", "--ort-lib", library);

        Assert.True(code == 1, error);
        AssertOneLine(error);
        Assert.Contains($"ONNX Runtime library {library} (from --ort-lib) cannot be used: ONNX Runtime 1.30.0 does not provide API version 30, which this tool's managed API 1.30 needs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error()
    {
        string missing = Path.Combine(_dir, "nowhere", "libonnxruntime.so");

        (int code, string error) = Tool("providers", "--ort-lib", missing);

        Assert.True(code == 2, error);
        AssertOneLine(error);
        Assert.Contains($"ONNX Runtime library not found: {missing} (from --ort-lib)", error, StringComparison.Ordinal);
    }

    private static (int Code, string Error) Tool(params string[] args)
    {
        using ToolProcess tool = ToolProcess.Start(args);
        Assert.True(tool.WaitForExit(TimeSpan.FromMinutes(1)), tool.Transcript);
        string transcript = tool.Transcript;
        Assert.StartsWith("stdout:\n\nstderr:\n", transcript, StringComparison.Ordinal);
        return (tool.ExitCode, transcript["stdout:\n\nstderr:\n".Length..]);
    }

    /// <summary>A stand-in libonnxruntime.so whose OrtGetApiBase reports <paramref name="version"/> and serves no API
    /// version at all; skips the test where there is no C compiler.</summary>
    private string StandIn(string version)
    {
        string source = Path.Combine(_dir, "stand-in-ort.c");
        File.WriteAllText(source, """
            #include <stddef.h>
            typedef struct { const void* (*GetApi)(unsigned); const char* (*GetVersionString)(void); } OrtApiBase;
            static const void* get_api(unsigned version) { (void)version; return NULL; }
            static const char* version_string(void) { return "VERSION"; }
            static const OrtApiBase api_base = { get_api, version_string };
            const OrtApiBase* OrtGetApiBase(void) { return &api_base; }
            """.Replace("VERSION", version, StringComparison.Ordinal));
        string library = Path.Combine(_dir, "libonnxruntime.so");
        Skip.IfNot(Compile(source, library), "no C compiler (cc) to build the stand-in library");
        return library;
    }

    private static bool Compile(string source, string library)
    {
        try
        {
            using var cc = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cc", ["-shared", "-fPIC", "-o", library, source])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            cc.WaitForExit();
            return cc.ExitCode == 0 && File.Exists(library);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void AssertOneLine(string error)
    {
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("effnet-bench: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }
}
