namespace EffNetBench.Core.Reporting.Profiles;

/// <summary>The runs given to `profile` hold nothing it can render (no profiled case): bad usage (exit 2).</summary>
public sealed class ProfileInputException(string input, string message)
    : EffNetBenchException(ErrorKind.Usage, input, message);
