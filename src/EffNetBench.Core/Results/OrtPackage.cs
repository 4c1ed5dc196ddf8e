namespace EffNetBench.Core.Results;

/// <summary>The ONNX Runtime NuGet package a native library came from (`effnet-bench runtimes add`, then `--ort VERSION`).</summary>
/// <param name="Id">The package id, e.g. Microsoft.ML.OnnxRuntime.</param>
/// <param name="Version">The package version (NuGet's normalized form), e.g. 1.30.0.</param>
/// <param name="Flavor">The tool's name for the build: cpu, gpu-linux, ... (see `runtimes add --help`).</param>
/// <param name="Rid">The runtimes/&lt;rid&gt;/native folder of the package the libraries were taken from, e.g. linux-x64.</param>
/// <param name="Source">The NuGet feed it was downloaded from, as NuGet.Config names it (URL or folder).</param>
/// <param name="Sha512">SHA-512 of the .nupkg file, base64, as NuGet records it (the .nupkg.sha512 file of the global
/// packages folder, nuget.org's packageHash).</param>
public sealed record OrtPackage(string Id, string Version, string Flavor, string Rid, string Source, string Sha512);
