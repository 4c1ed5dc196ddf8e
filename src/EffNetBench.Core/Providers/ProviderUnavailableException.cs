namespace EffNetBench.Core.Providers;

/// <summary>
/// The requested provider cannot run here; the one-line message names the provider and the fix. The operation failed
/// (exit 1), not the command line: a valid provider name that this machine or ONNX Runtime build lacks is what `run`
/// records as a skipped case, and the same command works on a machine that has it.
/// </summary>
public sealed class ProviderUnavailableException(ExecutionProvider provider, string reason, Exception? inner = null)
    : EffNetBenchException(ErrorKind.Failed, ExecutionProviders.Name(provider),
        $"{ExecutionProviders.DisplayName(provider)} ({ExecutionProviders.OrtName(provider)}) is not usable: {reason}", inner)
{
    public ExecutionProvider Provider { get; } = provider;

    /// <summary>The message without the provider prefix, for a table that already names the provider.</summary>
    public string Reason { get; } = reason;

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
