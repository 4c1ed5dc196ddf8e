namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>What the serving scenarios load: a model that answers requests of <see cref="ImagesPerRequest"/> images,
/// from as many concurrent executors as asked for.</summary>
public interface IServingTarget
{
    int ImagesPerRequest { get; }

    /// <summary>A new executor for one concurrent worker (made before any timing starts).</summary>
    IRequestExecutor CreateExecutor();
}
