namespace EffNetBench.Core.Providers.Runtimes;

/// <summary>`runtimes add/remove` or `--ort VERSION` cannot be done: no feed reachable, an unknown version or flavor, no
/// build for this platform, a version not in the cache. One line naming the feed(s), the version and the fix.</summary>
public sealed class RuntimeException(ErrorKind kind, string input, string message, Exception? innerException = null)
    : EffNetBenchException(kind, input, message, innerException);
