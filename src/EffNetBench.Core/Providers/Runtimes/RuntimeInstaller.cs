using System.Security.Cryptography;
using EffNetBench.Core.Results;
using NuGet.Versioning;

namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>`runtimes add`: downloads an ONNX Runtime package from the feeds into a temporary file, records its SHA-512,
/// and keeps this platform's native libraries in the <see cref="RuntimeStore"/>.</summary>
public sealed class RuntimeInstaller(RuntimeStore store, IPackageFeeds feeds)
{
    /// <summary>Called after each extracted file; tests use it to fail half way through.</summary>
    internal Action<string>? AfterEachFile { get; init; }

    /// <summary>Adds the package (or finds it already in the cache: <c>Added</c> is then false).</summary>
    public (InstalledRuntime Runtime, bool Added) Add(NuGetVersion version, OrtFlavor flavor, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(flavor);
        CheckForThisSystem(version, flavor);
        if (store.Find(version, flavor) is { } present)
        {
            return (present, false);
        }

        System.IO.Directory.CreateDirectory(store.Directory);

        // The download lands in the store's folder (same file system as the final one) and is deleted whatever happens.
        string nupkg = Path.Combine(store.Directory, $"{RuntimeStore.PartialPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}.nupkg");
        try
        {
            string source;
            using (var file = new FileStream(nupkg, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                source = feeds.Download(flavor.PackageId, version, file, cancel);
            }

            string sha512 = Sha512(nupkg);
            var package = new OrtPackage(flavor.PackageId, version.ToNormalizedString(), flavor.Name, RuntimeStore.Rid, source, sha512);
            return (store.Install(package, flavor, nupkg, AfterEachFile), true);
        }
        finally
        {
            File.Delete(nupkg);
        }
    }

    /// <summary>Refuses before any download what cannot work here: a version older than the managed API, a flavor of
    /// another operating system.</summary>
    public static void CheckForThisSystem(NuGetVersion version, OrtFlavor flavor)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(flavor);
        Version managed = OrtNativeApi.ManagedVersion;
        if (version.Major != managed.Major || version.Minor < managed.Minor)
        {
            throw new RuntimeException(ErrorKind.Usage, version.ToNormalizedString(),
                $"ONNX Runtime {version.ToNormalizedString()} cannot be loaded by this tool, whose managed API {managed.ToString(2)} needs {OrtNativeApi.Supported}: choose such a version, or pass --ort-lib PATH");
        }

        if (!flavor.ForThisSystem)
        {
            throw new RuntimeException(ErrorKind.Usage, flavor.Name,
                $"flavor {flavor.Name} ({flavor.PackageId}) has no build for this platform ({RuntimeStore.Rid}), only for {flavor.Os}: choose another flavor ({OrtFlavor.Names}), or pass --ort-lib PATH");
        }
    }

    /// <summary>Base64 SHA-512 of the file: the form NuGet writes to .nupkg.sha512 and nuget.org reports as packageHash.</summary>
    public static string Sha512(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToBase64String(SHA512.HashData(stream));
    }
}
