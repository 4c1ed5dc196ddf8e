namespace EffNetBench.Core.Results;

/// <summary>Why a failed case failed, which decides whether `run --resume` measures it again.</summary>
public enum FailureKind
{
    /// <summary>The machine, not the case: its process crashed or was killed (a signal, out of memory), hung past the
    /// case timeout, or hit an I/O error. `--resume` measures it again.</summary>
    Transient,

    /// <summary>The case itself: the model or provider refused it (an error the measuring process caught and reported).
    /// Measured again only with `--resume --retry-failed`.</summary>
    Deterministic,
}
