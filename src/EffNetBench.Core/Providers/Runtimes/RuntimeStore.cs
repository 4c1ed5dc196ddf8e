using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Results;
using EffNetBench.Core.Serialization;
using NuGet.Packaging;
using NuGet.Versioning;

namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>
/// The ONNX Runtime packages `runtimes add` fetched, one folder each (&lt;version&gt;-&lt;flavor&gt;) holding this
/// platform's native libraries and <see cref="ManifestFileName"/>. A folder appears whole or not at all: a package is
/// extracted into a temporary folder beside them and renamed into place (a rename within one file system is atomic).
/// </summary>
public sealed class RuntimeStore(string directory)
{
    public const string ManifestFileName = "effnet-bench-runtime.json";

    /// <summary>Temporary folders of an add or remove in progress (or killed): never listed, cleaned by the next add.</summary>
    internal const string PartialPrefix = ".partial-";

    private static readonly JsonSerializerOptions Json = new(SnakeCaseJson.Options) { NewLine = "\n" };

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Beside the model cache: &lt;cache&gt;/runtimes when <see cref="ModelCache.EnvironmentVariable"/> or
    /// --cache-dir names the cache folder, else the platform's effnet-bench cache folder's runtimes/.</summary>
    public static RuntimeStore ForPlatform(string? overrideDirectory = null) => ForPlatform(overrideDirectory, Environment.GetEnvironmentVariable);

    internal static RuntimeStore ForPlatform(string? overrideDirectory, Func<string, string?> environment)
    {
        string? chosen = overrideDirectory ?? environment(ModelCache.EnvironmentVariable);
        string root = !string.IsNullOrWhiteSpace(chosen)
            ? chosen
            : Path.GetDirectoryName(ModelCache.ForPlatform(null, environment).Directory)!;
        return new RuntimeStore(Path.Combine(root, "runtimes"));
    }

    /// <summary>This platform's runtime identifier as ONNX Runtime's packages name their folders: linux-x64, osx-arm64, win-x64, ...</summary>
    public static string Rid
    {
        get
        {
            string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            string arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                Architecture other => other.ToString().ToLowerInvariant(),
            };
            return $"{os}-{arch}";
        }
    }

    public static string FolderName(NuGetVersion version, OrtFlavor flavor) => $"{version.ToNormalizedString()}-{flavor.Name}";

    /// <summary>Every complete package in the cache, by version then flavor.</summary>
    public IReadOnlyList<InstalledRuntime> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateDirectories(Directory)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Select(Read)
            .OfType<InstalledRuntime>()
            .OrderBy(r => NuGetVersion.TryParse(r.Manifest.Package.Version, out NuGetVersion? v) ? v : new NuGetVersion(0, 0, 0))
            .ThenBy(r => r.Manifest.Package.Flavor, StringComparer.Ordinal)];
    }

    /// <summary>The package of that version and flavor, or null when it is not in the cache.</summary>
    public InstalledRuntime? Find(NuGetVersion version, OrtFlavor flavor) => Read(Path.Combine(Directory, FolderName(version, flavor)));

    /// <summary>Removes the package's folder (renamed away first, so a half-deleted folder is never listed). False when absent.</summary>
    public bool Remove(NuGetVersion version, OrtFlavor flavor)
    {
        string folder = Path.Combine(Directory, FolderName(version, flavor));
        if (!System.IO.Directory.Exists(folder))
        {
            return false;
        }

        string doomed = Path.Combine(Directory, PartialPrefix + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.Move(folder, doomed);
        System.IO.Directory.Delete(doomed, recursive: true);
        return true;
    }

    /// <summary>The package a native library was installed from, when the library is one of a cache folder's files; else null
    /// (a library given by path, the bundled one). Never throws: a result must not fail for a missing manifest.</summary>
    public static OrtPackage? PackageOf(string? libraryPath)
    {
        if (string.IsNullOrWhiteSpace(libraryPath))
        {
            return null;
        }

        try
        {
            string full = Path.GetFullPath(libraryPath);
            return Read(Path.GetDirectoryName(full)!) is { } installed && installed.Manifest.Files.Any(f => f.Name == Path.GetFileName(full))
                ? installed.Manifest.Package
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Keeps this platform's native libraries of the .nupkg at <paramref name="nupkgPath"/> as the folder of
    /// <paramref name="package"/> (its <see cref="OrtPackage.Rid"/> is filled from the package's folders). Nothing is left
    /// behind when anything fails; when another add finished the same folder first, that one is returned.
    /// </summary>
    /// <param name="afterEachFile">Called after each extracted file (tests use it to fail half way).</param>
    internal InstalledRuntime Install(OrtPackage package, OrtFlavor flavor, string nupkgPath, Action<string>? afterEachFile = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        CleanAbandoned();
        string final = Path.Combine(Directory, FolderName(NuGetVersion.Parse(package.Version), flavor));
        string partial = Path.Combine(Directory, PartialPrefix + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Directory.CreateDirectory(partial);
            RuntimeManifest manifest = Extract(package, nupkgPath, partial, afterEachFile);
            File.WriteAllText(Path.Combine(partial, ManifestFileName), JsonSerializer.Serialize(manifest, Json));
            try
            {
                System.IO.Directory.Move(partial, final);
            }
            catch (IOException) when (Read(final) is not null)
            {
                // Another add of the same package won the rename; its folder is as good as ours.
            }

            return Read(final) ?? throw new IOException($"the runtime folder {final} has no readable {ManifestFileName} after it was installed");
        }
        finally
        {
            TryDelete(partial);
        }
    }

    private static RuntimeManifest Extract(OrtPackage package, string nupkgPath, string into, Action<string>? afterEachFile)
    {
        using var reader = new PackageArchiveReader(nupkgPath);
        string id = reader.NuspecReader.GetId();
        NuGetVersion version = reader.NuspecReader.GetVersion();
        if (!string.Equals(id, package.Id, StringComparison.OrdinalIgnoreCase) || version != NuGetVersion.Parse(package.Version))
        {
            throw new RuntimeException(ErrorKind.Failed, package.Source,
                $"the feed {package.Source} served {id} {version.ToNormalizedString()} when {package.Id} {package.Version} was asked for: fix the feed, or pass --ort-lib PATH");
        }

        string[] files = [.. reader.GetFiles()];
        string? rid = NativeFolder(files, Rid);
        if (rid is null)
        {
            string[] has = [.. files.Select(RidOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            throw new RuntimeException(ErrorKind.Failed, package.Id,
                $"{package.Id} {package.Version} (flavor {package.Flavor}, from {package.Source}) has no {OrtLibrary.NativeFileName} for {Rid}"
                + $" (its native builds: {(has.Length > 0 ? string.Join(", ", has) : "none")}): choose another flavor, or pass --ort-lib PATH");
        }

        string prefix = $"runtimes/{rid}/native/";
        var kept = ImmutableArray.CreateBuilder<RuntimeFile>();
        foreach (string file in files.Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.Length > prefix.Length && !f[prefix.Length..].Contains('/')))
        {
            string name = file[prefix.Length..];
            string target = Path.Combine(into, name);
            using (Stream source = reader.GetStream(file))
            using (var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
            {
                source.CopyTo(destination);
                destination.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            kept.Add(new RuntimeFile(name, new FileInfo(target).Length));
            afterEachFile?.Invoke(target);
        }

        return new RuntimeManifest(RuntimeManifest.CurrentSchema, package with { Rid = rid }, kept.ToImmutable(), DateTimeOffset.UtcNow, ToolVersion.Current);
    }

    /// <summary>The package's folder for <paramref name="rid"/>: its own, else (macOS) a versioned one such as osx.10.14-arm64.</summary>
    private static string? NativeFolder(IReadOnlyList<string> files, string rid)
    {
        bool Has(string r) => files.Contains($"runtimes/{r}/native/{OrtLibrary.NativeFileName}", StringComparer.Ordinal);
        if (Has(rid))
        {
            return rid;
        }

        string arch = rid[(rid.IndexOf('-', StringComparison.Ordinal) + 1)..];
        return rid.StartsWith("osx-", StringComparison.Ordinal)
            ? files.Select(RidOf).OfType<string>().Distinct(StringComparer.Ordinal)
                .FirstOrDefault(r => r.StartsWith("osx.", StringComparison.Ordinal) && r.EndsWith("-" + arch, StringComparison.Ordinal) && Has(r))
            : null;
    }

    private static string? RidOf(string file)
    {
        string[] parts = file.Split('/');
        return parts.Length >= 4 && parts[0] == "runtimes" && parts[2] == "native" ? parts[1] : null;
    }

    private static InstalledRuntime? Read(string folder)
    {
        string path = Path.Combine(folder, ManifestFileName);
        try
        {
            return File.Exists(path) && JsonSerializer.Deserialize<RuntimeManifest>(File.ReadAllText(path), Json) is { Package: not null } manifest
                ? new InstalledRuntime(folder, manifest)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the temporary folders (and downloads) of adds and removes whose process is gone (killed half way).</summary>
    private void CleanAbandoned()
    {
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(Directory, PartialPrefix + "*"))
        {
            string rest = Path.GetFileName(entry)[PartialPrefix.Length..];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest[..dash], out int pid) && !IsRunning(pid))
            {
                TryDelete(entry);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error matters more; the next add cleans what is left once this process is gone.
        }
    }
}
