namespace EffNetBench.Core.Providers;

/// <summary>The ONNX Runtime this process loaded: version, native library path (null if unknown) and the providers built into it.</summary>
public sealed record RuntimeInfo(string OrtVersion, string? LibraryPath, IReadOnlyList<string> CompiledProviders);
