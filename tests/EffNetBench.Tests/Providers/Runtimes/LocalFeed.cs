using System.IO.Compression;
using System.Text;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Providers.Runtimes;

namespace EffNetBench.Tests.Providers.Runtimes;

/// <summary>
/// A NuGet feed in a temporary folder (a flat folder of .nupkg files, which NuGet's client reads as a local v2 feed),
/// a NuGet.Config beside it that clears every other source and names only it, and a cache folder: `runtimes add`
/// through NuGet's real client without a network. The packages are hand-built: a nuspec and stand-in native files.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        Root = Directory.CreateTempSubdirectory("effnet-bench-feed-").FullName;
        Folder = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Folder);
        Config = WriteConfig("NuGet.Config", Folder);
        Store = new RuntimeStore(Path.Combine(Root, "cache", "runtimes"));
    }

    public string Root { get; }

    public string Folder { get; }

    /// <summary>A NuGet.Config whose only source is <see cref="Folder"/>.</summary>
    public string Config { get; }

    public RuntimeStore Store { get; }

    /// <summary>The feeds of <see cref="Config"/>, read by NuGet's configuration library.</summary>
    public NuGetFeeds Feeds => NuGetFeeds.FromConfig(Config, Root);

    /// <summary>A NuGet.Config naming <paramref name="sources"/> only.</summary>
    public string WriteConfig(string name, params string[] sources)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
            {string.Concat(sources.Select((s, i) => $"    <add key=\"feed{i}\" value=\"{s}\" />\n"))}  </packageSources>
            </configuration>
            """);
        return path;
    }

    /// <summary>Adds &lt;id&gt;.&lt;version&gt;.nupkg holding a stand-in libonnxruntime and libonnxruntime_providers_shared for each
    /// of <paramref name="rids"/> (default: this platform's), plus a file outside runtimes/ that must not be kept.</summary>
    public string AddPackage(string id, string version, params string[] rids)
    {
        rids = rids.Length == 0 ? [RuntimeStore.Rid] : rids;
        string path = Path.Combine(Folder, $"{id}.{version}.nupkg".ToLowerInvariant());
        using (ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip, $"{id}.nuspec", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>effnet-bench tests</authors>
                    <description>A stand-in ONNX Runtime package.</description>
                  </metadata>
                </package>
                """);
            Write(zip, "README.md", "not a native library");
            foreach (string rid in rids)
            {
                Write(zip, $"runtimes/{rid}/native/{OrtLibrary.NativeFileName}", $"stand-in onnxruntime {version} for {rid}");
                Write(zip, $"runtimes/{rid}/native/libonnxruntime_providers_shared.so", $"stand-in providers_shared {version}");
            }
        }

        return path;
    }

    /// <summary>Everything under the runtime cache folder, relative, sorted: what a failed add must not leave.</summary>
    public string[] CacheEntries() => Directory.Exists(Store.Directory)
        ? [.. Directory.EnumerateFileSystemEntries(Store.Directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Store.Directory, p)).Order(StringComparer.Ordinal)]
        : [];

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void Write(ZipArchive zip, string name, string content)
    {
        using Stream stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
