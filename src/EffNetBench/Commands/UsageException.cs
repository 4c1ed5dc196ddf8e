using EffNetBench.Core;

namespace EffNetBench.Commands;

/// <summary>Bad usage (exit code 2): the message names the input and the fix.</summary>
public sealed class UsageException(string message) : EffNetBenchException(ErrorKind.Usage, string.Empty, message);
