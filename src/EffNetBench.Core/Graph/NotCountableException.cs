namespace EffNetBench.Core.Graph;

/// <summary>Raised by shape rules when a node cannot be costed; the message becomes the NotCounted reason.</summary>
internal sealed class NotCountableException : Exception
{
    public NotCountableException()
    {
    }

    public NotCountableException(string reason)
        : base(reason)
    {
    }

    public NotCountableException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
