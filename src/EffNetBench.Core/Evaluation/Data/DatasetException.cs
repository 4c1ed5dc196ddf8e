namespace EffNetBench.Core.Evaluation.Data;

/// <summary>A dataset that cannot be read; the message is one line naming the path and the fix.</summary>
public sealed class DatasetException(string path, string message) : Exception(message)
{
    public string DatasetPath { get; } = path;
}
