using NuGet.Versioning;

namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>`--ort VERSION[:flavor]`: an ONNX Runtime package by version and flavor (cpu when omitted).</summary>
public sealed record OrtSpec(NuGetVersion Version, OrtFlavor Flavor)
{
    /// <summary>Parses "1.30.0" or "1.31.0:gpu-linux"; a bad version or flavor is a usage error naming <paramref name="option"/>.</summary>
    public static OrtSpec Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string versionText = (colon < 0 ? text : text[..colon]).Trim();
        string flavorText = colon < 0 ? OrtFlavor.Cpu.Name : text[(colon + 1)..];
        return new OrtSpec(ParseVersion(versionText, option), ParseFlavor(flavorText, option));
    }

    public static NuGetVersion ParseVersion(string text, string option) =>
        NuGetVersion.TryParse(text?.Trim(), out NuGetVersion? version)
            ? version
            : throw new RuntimeException(ErrorKind.Usage, text ?? string.Empty,
                $"{option} '{text}' is not an ONNX Runtime version: use a NuGet version such as 1.30.0 (optionally :flavor), or pass --ort-lib PATH");

    public static OrtFlavor ParseFlavor(string text, string option) =>
        OrtFlavor.Find(text) ?? throw new RuntimeException(ErrorKind.Usage, text,
            $"{option}: '{text}' is not an ONNX Runtime flavor: use {OrtFlavor.Names}");

    /// <summary>"1.30.0" for the cpu flavor, else "1.31.0:gpu-linux": how the user writes it.</summary>
    public override string ToString() => Flavor == OrtFlavor.Cpu ? Version.ToNormalizedString() : $"{Version.ToNormalizedString()}:{Flavor.Name}";

    /// <summary>
    /// The cached native library of this package, for --ort-lib's path. A package not in the cache is refused, not
    /// fetched: a benchmark command does not start a large download on its own (the GPU packages weigh hundreds of MB),
    /// and `runtimes add` once keeps every later run offline and reproducible.
    /// </summary>
    public string LibraryIn(RuntimeStore store, string option)
    {
        ArgumentNullException.ThrowIfNull(store);
        RuntimeInstaller.CheckForThisSystem(Version, Flavor);
        InstalledRuntime installed = store.Find(Version, Flavor) ?? throw new RuntimeException(ErrorKind.Usage, ToString(),
            $"{option} {this}: ONNX Runtime {Version.ToNormalizedString()} ({Flavor.Name}, {Flavor.PackageId}) is not in the runtime cache {store.Directory}: "
            + $"run `effnet-bench runtimes add {Version.ToNormalizedString()}{(Flavor == OrtFlavor.Cpu ? string.Empty : " --flavor " + Flavor.Name)}` first, or pass --ort-lib PATH");
        return File.Exists(installed.LibraryPath)
            ? installed.LibraryPath
            : throw new RuntimeException(ErrorKind.Failed, installed.LibraryPath,
                $"{option} {this}: the runtime folder {installed.Directory} lacks {OrtLibrary.NativeFileName}: run `effnet-bench runtimes remove {this.Version.ToNormalizedString()}` and add it again");
    }
}
