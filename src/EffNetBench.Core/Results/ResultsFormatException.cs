namespace EffNetBench.Core.Results;

/// <summary>
/// A results.json, run.json or results.jsonl is missing, is not valid JSON, or has another schema (major) version.
/// The message is one line naming the path.
/// </summary>
public sealed class ResultsFormatException(string path, string message, Exception? innerException = null, ErrorKind kind = ErrorKind.Failed)
    : ResultsStoreException(path, message, innerException, kind);
