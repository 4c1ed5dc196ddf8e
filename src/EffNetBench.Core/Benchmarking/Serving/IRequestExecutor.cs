namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>Executes one request (one batch) when called; one per concurrent worker, each with its own preallocated
/// inputs and outputs. The real one runs the case's ONNX Runtime session; tests use a fixed sleep or busy loop.</summary>
public interface IRequestExecutor : IDisposable
{
    void Execute();
}
