using System.Collections.Concurrent;

namespace EffNetBench.Core.Evaluation;

/// <summary>
/// Preprocessed rows of exactly one image's floats, reused across an evaluation. Every rented row is returned (the
/// pipeline's channel bounds how many are out), so the pool holds at most the pipeline's capacity and nothing becomes
/// large-object garbage. Exact lengths: ArrayPool rounds up to a power of two, nearly doubling a B7 row (1.08 M floats).
/// </summary>
internal sealed class RowPool(int length)
{
    private readonly ConcurrentBag<float[]> _free = [];

    public int Length { get; } = length;

    public float[] Rent() => _free.TryTake(out float[]? row) ? row : new float[Length];

    public void Return(float[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Length == Length)
        {
            _free.Add(row);
        }
    }
}
