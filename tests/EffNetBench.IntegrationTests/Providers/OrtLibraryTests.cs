using EffNetBench.Core;
using EffNetBench.Core.Providers;

namespace EffNetBench.IntegrationTests.Providers;

/// <summary>Only the paths that load nothing: a different native library can be bound once per process, and the tests share theirs.</summary>
public sealed class OrtLibraryTests
{
    [SkippableFact]
    public void Nothing_asked_for_returns_null()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable(OrtLibrary.EnvironmentVariable) is null, $"{OrtLibrary.EnvironmentVariable} is set in this environment");

        Assert.Null(OrtLibrary.Configure(null));
        Assert.Null(OrtLibrary.Configure("  "));
    }

    [Fact]
    public void Neither_argument_nor_environment_returns_null() =>
        Assert.Null(OrtLibrary.Configure(null, null));

    [Fact]
    public void A_missing_file_is_a_one_line_error_naming_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"effnet-bench-missing-{Guid.NewGuid():N}", "libonnxruntime.so");

        var e = Assert.Throws<OrtLibraryException>(() => OrtLibrary.Configure(path));

        Assert.Equal(path, e.LibraryPath);
        Assert.StartsWith($"ONNX Runtime library not found: {path} (from --ort-lib)", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(ErrorKind.Usage, e.Kind);
    }

    [Fact]
    public void A_missing_file_from_the_environment_names_the_variable()
    {
        string path = Path.Combine(Path.GetTempPath(), $"effnet-bench-missing-{Guid.NewGuid():N}.so");

        var e = Assert.Throws<OrtLibraryException>(() => OrtLibrary.Configure(null, path));

        Assert.Contains(path, e.Message);
        Assert.Contains(OrtLibrary.EnvironmentVariable, e.Message);
    }

    [Fact]
    public void A_directory_means_the_library_inside_it()
    {
        string directory = Directory.CreateTempSubdirectory("effnet-bench-ortlib-").FullName;
        try
        {
            var e = Assert.Throws<OrtLibraryException>(() => OrtLibrary.Configure(directory, null));
            Assert.Equal(Path.Combine(directory, "libonnxruntime.so"), e.LibraryPath);

            string library = Path.Combine(directory, "libonnxruntime.so");
            File.WriteAllBytes(library, []);
            Assert.Equal(library, OrtLibrary.Resolve(directory, null));
            Assert.Equal(library, OrtLibrary.Resolve(null, directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Configuring_after_onnx_runtime_is_loaded_is_refused_before_anything_is_loaded()
    {
        string loaded = ProviderProbe.Runtime().LibraryPath!;
        string directory = Directory.CreateTempSubdirectory("effnet-bench-ortlib-").FullName;
        try
        {
            string other = Path.Combine(directory, "libonnxruntime.so");
            File.WriteAllBytes(other, []);

            var e = Assert.Throws<InvalidOperationException>(() => OrtLibrary.Configure(other, null));

            Assert.Equal($"ONNX Runtime was already loaded from {loaded}: --ort-lib / EFFNET_BENCH_ORT_LIB must take effect before any ONNX Runtime call", e.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_loaded_library_is_picked_out_of_proc_maps()
    {
        string[] maps =
        [
            "7fdcf0857000-7fdcf085f000 rw-s 00000000 fe:00 11790027   /root/.cache/Microsoft/DeveloperTools/.onnxruntime/onnxruntime.db-shm",
            "7f0000000000-7f0000001000 r--p 00000000 fe:00 1   /app/Microsoft.ML.OnnxRuntime.dll",
            "7f0000001000-7f0000002000 r-xp 00000000 fe:00 2   /opt/ort gpu/lib/libonnxruntime_providers_shared.so",
            "7f0000002000-7f0000003000 r-xp 00000000 00:00 0   [heap]",
            "7f0000003000-7f0000004000 r-xp 00000000 fe:00 3   /opt/ort gpu/lib/libonnxruntime.so.1.31.1",
        ];

        Assert.Equal("/opt/ort gpu/lib/libonnxruntime.so.1.31.1", LoadedLibraries.FromMaps(maps));
        Assert.Null(LoadedLibraries.FromMaps(maps.Take(4)));
    }
}
