namespace EffNetBench.Core.Providers;

/// <summary>The requested provider cannot run here; the one-line message names the provider and the fix.</summary>
public sealed class ProviderUnavailableException : Exception
{
    public ProviderUnavailableException(ExecutionProvider provider, string reason, Exception? inner = null)
        : base($"{ExecutionProviders.DisplayName(provider)} ({ExecutionProviders.OrtName(provider)}) is not usable: {reason}", inner)
    {
        Provider = provider;
        Reason = reason;
    }

    public ExecutionProvider Provider { get; }

    /// <summary>The message without the provider prefix, for a table that already names the provider.</summary>
    public string Reason { get; }

    internal static ProviderUnavailableException NotCompiledIn(ExecutionProvider provider, string version, IReadOnlyList<string> available) =>
        new(provider, NotCompiledInReason(provider, version, available));

    internal static string NotCompiledInReason(ExecutionProvider provider, string version, IReadOnlyList<string> available) =>
        $"not compiled into this ONNX Runtime build ({version} has {string.Join(", ", available)}); {ExecutionProviders.BuildFix(provider)}";

    internal static string FirstLine(string message)
    {
        string line = message.Split('\n')[0].TrimEnd('\r').Trim();
        return line.Length == 0 ? "unknown error" : line;
    }
}
