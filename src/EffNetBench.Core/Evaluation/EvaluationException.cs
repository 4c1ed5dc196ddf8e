namespace EffNetBench.Core.Evaluation;

/// <summary>
/// An evaluation that cannot complete (too many bad images, a model whose outputs do not match the classes); the
/// message is one line naming the fix. An IOException so the CLI reports it as a failed run (exit 1), like a bad file.
/// </summary>
public sealed class EvaluationException : IOException
{
    public EvaluationException()
    {
    }

    public EvaluationException(string message)
        : base(message)
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
