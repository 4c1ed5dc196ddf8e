namespace EffNetBench.Core.Providers;

/// <summary>Whether the loaded ONNX Runtime has a provider, and whether a session on it really runs; Reason says why not.</summary>
public sealed record ProviderStatus(ExecutionProvider Provider, string OrtName, bool CompiledIn, bool Usable, string? Reason);
