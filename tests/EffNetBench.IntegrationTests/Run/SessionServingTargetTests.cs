using EffNetBench.Core.Benchmarking;
using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Providers;
using Microsoft.ML.OnnxRuntime;

namespace EffNetBench.IntegrationTests.Run;

/// <summary>The real serving target: executors sharing one ONNX Runtime session, each with its own bound tensors.</summary>
public sealed class SessionServingTargetTests : IDisposable
{
    private readonly RunWorkspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void Executors_run_concurrently_on_one_session_and_outlive_nothing()
    {
        using SessionOptions options = SessionFactory.CreateOptions(ExecutionProvider.Cpu, 1, new ProviderSettings { Spin = false });
        using InferenceRunner runner = InferenceRunner.Create(_work.TinyModel("tiny"), options, 2);
        var target = new SessionServingTarget(runner);
        IRequestExecutor[] executors = [target.CreateExecutor(), target.CreateExecutor(), target.CreateExecutor()];

        Assert.Equal(2, target.ImagesPerRequest);
        Assert.False(runner.FixedBatch);
        Parallel.ForEach(executors, e =>
        {
            for (int i = 0; i < 50; i++)
            {
                e.Execute();
            }
        });
        foreach (IRequestExecutor e in executors)
        {
            e.Dispose();
        }

        runner.Run(); // the siblings did not dispose the shared session
        runner.VerifyOutputsFinite();
    }

    [Fact]
    public void A_file_with_a_fixed_batch_says_so()
    {
        using SessionOptions options = SessionFactory.CreateOptions(ExecutionProvider.Cpu, 1, new ProviderSettings { Spin = true });
        using InferenceRunner runner = InferenceRunner.Create(_work.TinyModel("fixed", batch: 1), options, 1);

        Assert.True(runner.FixedBatch);
    }
}
