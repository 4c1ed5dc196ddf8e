using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>What `runtimes add` kept of a package: its identity, feed and hash, and the native files taken from its
/// runtimes/&lt;rid&gt;/native folder. Written as <see cref="RuntimeStore.ManifestFileName"/> beside the files.</summary>
/// <param name="Schema"><see cref="CurrentSchema"/>.</param>
/// <param name="AddedUtc">When the package was downloaded.</param>
/// <param name="Tool">The effnet-bench version that added it.</param>
public sealed record RuntimeManifest(string Schema, OrtPackage Package, ImmutableArray<RuntimeFile> Files, DateTimeOffset AddedUtc, string Tool)
{
    public const string CurrentSchema = "effnet-bench/runtime/1";
}
