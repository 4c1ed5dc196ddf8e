using System.Globalization;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>
/// The package sources NuGet.Config enables, read with NuGet's own configuration library exactly as `dotnet restore`
/// reads them (the NuGet.Config files from the folder up to its root, then the user's, then the machine-wide ones; or
/// one given file, as `--configfile` does), and queried with NuGet's own protocol library (v3 feeds and local folders).
/// </summary>
public sealed class NuGetFeeds : IPackageFeeds
{
    private readonly IReadOnlyList<PackageSource> _sources;

    public NuGetFeeds(ISettings settings)
    {
        _sources = [.. new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled)];
    }

    /// <param name="configFile">One NuGet.Config to use instead of the usual set (as dotnet's --configfile); null for the usual set.</param>
    /// <param name="root">The folder whose NuGet.Config files (and its parents') apply: the current folder for the CLI.</param>
    public static NuGetFeeds FromConfig(string? configFile, string root)
    {
        try
        {
            ISettings settings = configFile is null
                ? Settings.LoadDefaultSettings(root)
                : Settings.LoadDefaultSettings(Path.GetDirectoryName(Path.GetFullPath(configFile)), Path.GetFileName(configFile), new XPlatMachineWideSetting());
            return new NuGetFeeds(settings);
        }
        catch (NuGetConfigurationException e)
        {
            throw new RuntimeException(ErrorKind.Failed, configFile ?? root, $"NuGet.Config cannot be read: {FirstLine(e.Message)}: fix it, or pass --ort-lib PATH", e);
        }
    }

    public IReadOnlyList<string> Names => [.. _sources.Select(s => s.Source)];

    public string Download(string id, NuGetVersion version, Stream destination, CancellationToken cancel)
    {
        string wanted = $"{id} {version.ToNormalizedString()}";
        if (_sources.Count == 0)
        {
            throw new RuntimeException(ErrorKind.Failed, id,
                $"no NuGet feed is enabled in NuGet.Config, so {wanted} cannot be fetched: add one (dotnet nuget add source), or pass --ort-lib PATH");
        }

        using var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
        var unreachable = new List<string>();
        var listed = new List<NuGetVersion>();
        foreach (PackageSource source in _sources)
        {
            FindPackageByIdResource resource;
            IEnumerable<NuGetVersion> versions;
            try
            {
                resource = Repository.Factory.GetCoreV3(source).GetResourceAsync<FindPackageByIdResource>(cancel).GetAwaiter().GetResult()
                    ?? throw new FatalProtocolException($"{source.Source} is not a NuGet feed");
                versions = resource.GetAllVersionsAsync(id, cache, NullLogger.Instance, cancel).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is FatalProtocolException or IOException or HttpRequestException or UnauthorizedAccessException or TaskCanceledException && !cancel.IsCancellationRequested)
            {
                unreachable.Add($"{source.Source} ({FirstLine(e.InnerException?.Message ?? e.Message)})");
                continue;
            }

            listed.AddRange(versions);
            if (!versions.Contains(version))
            {
                continue;
            }

            if (resource.CopyNupkgToStreamAsync(id, version, destination, cache, NullLogger.Instance, cancel).GetAwaiter().GetResult())
            {
                return source.Source;
            }
        }

        if (unreachable.Count == _sources.Count)
        {
            throw new RuntimeException(ErrorKind.Failed, id,
                $"no NuGet feed reachable for {wanted}: {string.Join("; ", unreachable)}; check the network and NuGet.Config, or pass --ort-lib PATH");
        }

        string offered = Offered(listed);
        string skipped = unreachable.Count > 0 ? $" (not reachable: {string.Join("; ", unreachable)})" : string.Empty;
        throw new RuntimeException(unreachable.Count > 0 ? ErrorKind.Failed : ErrorKind.Usage, version.ToNormalizedString(),
            $"{wanted} is not on the NuGet feed(s) {string.Join(", ", _sources.Where(s => !unreachable.Any(u => u.StartsWith(s.Source + " (", StringComparison.Ordinal))).Select(s => s.Source))} ({offered}){skipped}: give a version they have, or pass --ort-lib PATH");
    }

    /// <summary>"they have 1.31.1, 1.31.0, 1.30.0": the newest releases a feed lists, for the unknown-version message.</summary>
    private static string Offered(List<NuGetVersion> listed)
    {
        NuGetVersion[] newest = [.. listed.Distinct().Where(v => !v.IsPrerelease).OrderDescending().Take(5)];
        return newest.Length == 0
            ? "they have no version of that package"
            : string.Create(CultureInfo.InvariantCulture, $"they have {string.Join(", ", newest.Select(v => v.ToNormalizedString()))}{(listed.Distinct().Count(v => !v.IsPrerelease) > newest.Length ? ", ..." : string.Empty)}");
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r', '.');
}
