using System.Security.Cryptography;
using EffNetBench.Core;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Providers.Runtimes;
using NuGet.Versioning;

namespace EffNetBench.Tests.Providers.Runtimes;

/// <summary>`runtimes add` through NuGet's real client against a local folder feed named by a NuGet.Config of its own.</summary>
public sealed class RuntimeInstallerTests : IDisposable
{
    private const string Cpu = "Microsoft.ML.OnnxRuntime";
    private static readonly NuGetVersion V130 = NuGetVersion.Parse("1.30.0");

    private readonly LocalFeed _feed = new();

    public void Dispose() => _feed.Dispose();

    [Fact]
    public void Add_keeps_only_this_platforms_native_files_and_records_identity_feed_and_hash()
    {
        string nupkg = _feed.AddPackage(Cpu, "1.30.0", RuntimeStore.Rid, "win-arm64");

        (InstalledRuntime runtime, bool added) = Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);

        Assert.True(added);
        Assert.Equal(Path.Combine(_feed.Store.Directory, "1.30.0-cpu"), runtime.Directory);
        Assert.Equal(
            ["1.30.0-cpu", Path.Combine("1.30.0-cpu", RuntimeStore.ManifestFileName), Path.Combine("1.30.0-cpu", OrtLibrary.NativeFileName), Path.Combine("1.30.0-cpu", "libonnxruntime_providers_shared.so")],
            _feed.CacheEntries().Order(StringComparer.Ordinal));
        Assert.Equal($"stand-in onnxruntime 1.30.0 for {RuntimeStore.Rid}", File.ReadAllText(runtime.LibraryPath));
        Core.Results.OrtPackage p = runtime.Manifest.Package;
        Assert.Equal((Cpu, "1.30.0", "cpu", RuntimeStore.Rid, _feed.Folder), (p.Id, p.Version, p.Flavor, p.Rid, p.Source));

        // NuGet's .nupkg.sha512: base64 of the SHA-512 of the package file's bytes.
        Assert.Equal(Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(nupkg))), p.Sha512);
        Assert.Equal(88, p.Sha512.Length);
        Assert.Equal([OrtLibrary.NativeFileName, "libonnxruntime_providers_shared.so"], runtime.Manifest.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(new FileInfo(runtime.LibraryPath).Length, runtime.Manifest.Files.Single(f => f.Name == OrtLibrary.NativeFileName).Bytes);
    }

    [Fact]
    public void Adding_again_finds_it_in_the_cache_without_the_feed()
    {
        string nupkg = _feed.AddPackage(Cpu, "1.30.0");
        Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);
        File.Delete(nupkg);

        (InstalledRuntime again, bool added) = Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);

        Assert.False(added);
        Assert.Equal("1.30.0", again.Manifest.Package.Version);
    }

    [Fact]
    public void List_orders_by_version_then_flavor_and_remove_deletes_one_folder()
    {
        _feed.AddPackage(Cpu, "1.31.1");
        _feed.AddPackage(Cpu, "1.30.0");
        _feed.AddPackage("Microsoft.ML.OnnxRuntime.OpenVino".Replace("Microsoft.ML", "Intel.ML", StringComparison.Ordinal), "1.30.0");
        OrtFlavor openVino = OrtFlavor.Find("openvino")!;
        Installer().Add(NuGetVersion.Parse("1.31.1"), OrtFlavor.Cpu, CancellationToken.None);
        Installer().Add(V130, openVino, CancellationToken.None);
        Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);

        Assert.Equal(["1.30.0 cpu", "1.30.0 openvino", "1.31.1 cpu"], _feed.Store.List().Select(r => $"{r.Manifest.Package.Version} {r.Manifest.Package.Flavor}"));

        Assert.True(_feed.Store.Remove(V130, OrtFlavor.Cpu));
        Assert.False(_feed.Store.Remove(V130, OrtFlavor.Cpu));
        Assert.Equal(["1.30.0 openvino", "1.31.1 cpu"], _feed.Store.List().Select(r => $"{r.Manifest.Package.Version} {r.Manifest.Package.Flavor}"));
        Assert.DoesNotContain(_feed.CacheEntries(), e => e.StartsWith("1.30.0-cpu", StringComparison.Ordinal) || e.StartsWith('.'));
    }

    [Fact]
    public void A_failure_half_way_through_the_extraction_leaves_nothing_in_the_cache()
    {
        _feed.AddPackage(Cpu, "1.30.0");
        int extracted = 0;
        var installer = new RuntimeInstaller(_feed.Store, _feed.Feeds)
        {
            AfterEachFile = _ => throw new IOException($"disk full after {++extracted} file"),
        };

        var e = Assert.Throws<IOException>(() => installer.Add(V130, OrtFlavor.Cpu, CancellationToken.None));

        Assert.Equal("disk full after 1 file", e.Message);
        Assert.Empty(_feed.CacheEntries());
        Assert.Null(_feed.Store.Find(V130, OrtFlavor.Cpu));
    }

    [Fact]
    public void When_another_add_of_the_same_package_finishes_first_its_folder_is_kept_and_ours_removed()
    {
        _feed.AddPackage(Cpu, "1.30.0");
        var first = new RuntimeInstaller(_feed.Store, _feed.Feeds);
        bool raced = false;
        var second = new RuntimeInstaller(_feed.Store, _feed.Feeds)
        {
            // While this add extracts, another one completes the same package.
            AfterEachFile = _ =>
            {
                if (!raced)
                {
                    raced = true;
                    first.Add(V130, OrtFlavor.Cpu, CancellationToken.None);
                }
            },
        };

        (InstalledRuntime runtime, bool added) = second.Add(V130, OrtFlavor.Cpu, CancellationToken.None);

        Assert.True(added);
        Assert.Equal(Path.Combine(_feed.Store.Directory, "1.30.0-cpu"), runtime.Directory);
        Assert.Equal(["1.30.0-cpu"], Directory.EnumerateFileSystemEntries(_feed.Store.Directory).Select(Path.GetFileName));
        Assert.Equal(3, Directory.EnumerateFiles(runtime.Directory).Count());
    }

    [Fact]
    public void The_temporary_folder_of_an_add_whose_process_died_is_never_listed_and_is_cleaned_by_the_next_add()
    {
        _feed.AddPackage(Cpu, "1.30.0");
        string abandoned = Path.Combine(_feed.Store.Directory, $"{RuntimeStore.PartialPrefix}{int.MaxValue}-0123");
        Directory.CreateDirectory(abandoned);
        File.WriteAllText(Path.Combine(abandoned, RuntimeStore.ManifestFileName), "{}");
        string download = Path.Combine(_feed.Store.Directory, $"{RuntimeStore.PartialPrefix}{int.MaxValue}-4567.nupkg");
        File.WriteAllText(download, "half a package");

        Assert.Empty(_feed.Store.List());
        Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);

        Assert.False(Directory.Exists(abandoned));
        Assert.False(File.Exists(download));
        Assert.Equal(["1.30.0-cpu"], Directory.EnumerateDirectories(_feed.Store.Directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_package_without_a_build_for_this_platform_is_refused_naming_its_builds_and_leaves_nothing()
    {
        _feed.AddPackage(Cpu, "1.30.0", "win-x64", "win-arm64");

        var e = Assert.Throws<RuntimeException>(() => Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None));

        Assert.Equal(ErrorKind.Failed, e.Kind);
        Assert.Equal($"{Cpu} 1.30.0 (flavor cpu, from {_feed.Folder}) has no {OrtLibrary.NativeFileName} for {RuntimeStore.Rid} (its native builds: win-arm64, win-x64): choose another flavor, or pass --ort-lib PATH", e.Message);
        Assert.Empty(_feed.CacheEntries());
    }

    [Fact]
    public void An_unknown_version_is_a_usage_error_naming_the_feed_the_version_and_what_it_has()
    {
        _feed.AddPackage(Cpu, "1.30.0");
        _feed.AddPackage(Cpu, "1.31.1");

        var e = Assert.Throws<RuntimeException>(() => Installer().Add(NuGetVersion.Parse("1.31.5"), OrtFlavor.Cpu, CancellationToken.None));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"{Cpu} 1.31.5 is not on the NuGet feed(s) {_feed.Folder} (they have 1.31.1, 1.30.0): give a version they have, or pass --ort-lib PATH", e.Message);
        Assert.Empty(_feed.CacheEntries());
    }

    [Fact]
    public void A_flavor_the_feed_lacks_says_so()
    {
        _feed.AddPackage(Cpu, "1.30.0");

        var e = Assert.Throws<RuntimeException>(() => Installer().Add(V130, OrtFlavor.Find("openvino")!, CancellationToken.None));

        Assert.Equal($"Intel.ML.OnnxRuntime.OpenVino 1.30.0 is not on the NuGet feed(s) {_feed.Folder} (they have no version of that package): give a version they have, or pass --ort-lib PATH", e.Message);
    }

    [Fact]
    public void No_reachable_feed_fails_naming_each_feed_the_package_and_the_alternative()
    {
        string missing = Path.Combine(_feed.Root, "no-such-feed");
        var feeds = NuGetFeeds.FromConfig(_feed.WriteConfig("Unreachable.Config", missing), _feed.Root);

        var e = Assert.Throws<RuntimeException>(() => new RuntimeInstaller(_feed.Store, feeds).Add(V130, OrtFlavor.Cpu, CancellationToken.None));

        Assert.Equal(ErrorKind.Failed, e.Kind);
        Assert.StartsWith($"no NuGet feed reachable for {Cpu} 1.30.0: {missing} (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; check the network and NuGet.Config, or pass --ort-lib PATH", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(_feed.CacheEntries());
    }

    [Fact]
    public void A_second_feed_serves_what_the_first_lacks_and_the_manifest_names_the_second()
    {
        string other = Path.Combine(_feed.Root, "other-feed");
        Directory.CreateDirectory(other);
        _feed.AddPackage(Cpu, "1.31.1");
        File.Move(Path.Combine(_feed.Folder, "microsoft.ml.onnxruntime.1.31.1.nupkg"), Path.Combine(other, "microsoft.ml.onnxruntime.1.31.1.nupkg"));
        _feed.AddPackage(Cpu, "1.30.0");
        var feeds = NuGetFeeds.FromConfig(_feed.WriteConfig("Two.Config", _feed.Folder, other), _feed.Root);

        (InstalledRuntime runtime, _) = new RuntimeInstaller(_feed.Store, feeds).Add(NuGetVersion.Parse("1.31.1"), OrtFlavor.Cpu, CancellationToken.None);

        Assert.Equal([_feed.Folder, other], feeds.Names);
        Assert.Equal(other, runtime.Manifest.Package.Source);
    }

    [Theory]
    [InlineData("1.29.1")]
    [InlineData("1.20.0")]
    [InlineData("2.0.0")]
    public void A_version_the_managed_api_cannot_load_is_refused_before_any_download(string version)
    {
        var e = Assert.Throws<RuntimeException>(() => Installer().Add(NuGetVersion.Parse(version), OrtFlavor.Cpu, CancellationToken.None));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Equal($"ONNX Runtime {version} cannot be loaded by this tool, whose managed API 1.30 needs ONNX Runtime 1.30 or newer (the bundled library is 1.31.1): choose such a version, or pass --ort-lib PATH", e.Message);
        Assert.False(Directory.Exists(_feed.Store.Directory));
    }

    [SkippableFact]
    public void A_flavor_of_another_operating_system_is_refused_before_any_download()
    {
        Skip.If(OperatingSystem.IsWindows(), "gpu-windows is this system's flavor");

        var e = Assert.Throws<RuntimeException>(() => Installer().Add(V130, OrtFlavor.Find("gpu-windows")!, CancellationToken.None));

        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.StartsWith($"flavor gpu-windows (Microsoft.ML.OnnxRuntime.Gpu.Windows) has no build for this platform ({RuntimeStore.Rid}), only for windows: choose another flavor (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("or pass --ort-lib PATH", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_of_a_cached_library_is_found_from_its_path_and_no_other_path_has_one()
    {
        _feed.AddPackage(Cpu, "1.30.0");
        (InstalledRuntime runtime, _) = Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);

        Assert.Equal(runtime.Manifest.Package, RuntimeStore.PackageOf(runtime.LibraryPath));
        Assert.Null(RuntimeStore.PackageOf(Path.Combine(runtime.Directory, "libother.so")));
        Assert.Null(RuntimeStore.PackageOf(Path.Combine(_feed.Root, OrtLibrary.NativeFileName)));
        Assert.Null(RuntimeStore.PackageOf(null));
    }

    [Fact]
    public void Clearing_the_model_cache_leaves_the_runtimes_beside_the_models()
    {
        _feed.AddPackage(Cpu, "1.30.0");
        Installer().Add(V130, OrtFlavor.Cpu, CancellationToken.None);
        var models = new Core.Benchmarking.ModelCache(Path.GetDirectoryName(_feed.Store.Directory)!);

        Assert.Equal((0, 0L), models.Usage());
        Assert.Equal((0, 0L), models.Clear());
        Assert.NotNull(_feed.Store.Find(V130, OrtFlavor.Cpu));
    }

    private RuntimeInstaller Installer() => new(_feed.Store, _feed.Feeds);
}
