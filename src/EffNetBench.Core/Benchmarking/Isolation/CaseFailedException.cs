using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Isolation;

/// <summary>A case that could not be measured, with its reason as recorded and whether measuring it again may succeed.</summary>
public sealed class CaseFailedException(string reason, FailureKind kind) : Exception(reason)
{
    public FailureKind Kind { get; } = kind;
}

/// <summary>The run's probe worker failed, so the run cannot start (exit code 1).</summary>
public sealed class WorkerException(string message) : EffNetBenchException(ErrorKind.Failed, string.Empty, message);
