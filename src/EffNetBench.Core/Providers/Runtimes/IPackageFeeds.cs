using NuGet.Versioning;

namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>Where `runtimes add` looks for packages: NuGet's client over NuGet.Config's sources (<see cref="NuGetFeeds"/>).</summary>
public interface IPackageFeeds
{
    /// <summary>The enabled sources, as NuGet.Config names them (URL or folder), for messages.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Writes the .nupkg of <paramref name="id"/> <paramref name="version"/> to <paramref name="destination"/> from the
    /// first source that has it, and returns that source. Throws <see cref="RuntimeException"/> when no source is
    /// reachable or none has that version.
    /// </summary>
    string Download(string id, NuGetVersion version, Stream destination, CancellationToken cancel);
}
