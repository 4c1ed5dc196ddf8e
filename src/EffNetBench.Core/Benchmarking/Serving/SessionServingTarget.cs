namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The real <see cref="IServingTarget"/>: the case's ONNX Runtime session; each executor is a sibling runner
/// (<see cref="InferenceRunner.CreateSibling"/>) with its own preallocated inputs and outputs, so a request is one
/// native Run call on the shared session.</summary>
public sealed class SessionServingTarget(InferenceRunner runner) : IServingTarget
{
    public int ImagesPerRequest => runner.Batch;

    public IRequestExecutor CreateExecutor() => new Executor(runner.CreateSibling());

    private sealed class Executor(InferenceRunner sibling) : IRequestExecutor
    {
        public void Execute() => sibling.Run();

        public void Dispose() => sibling.Dispose();
    }
}
