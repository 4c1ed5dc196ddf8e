namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>An ONNX Runtime package in the tool's runtime cache: its folder and manifest.</summary>
public sealed record InstalledRuntime(string Directory, RuntimeManifest Manifest)
{
    /// <summary>The native libonnxruntime in the folder, the path `--ort` loads.</summary>
    public string LibraryPath => Path.Combine(Directory, OrtLibrary.NativeFileName);

    /// <summary>The kept files' total size.</summary>
    public long Bytes => Manifest.Files.Sum(f => f.Bytes);
}
