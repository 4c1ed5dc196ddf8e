namespace EffNetBench.Core.Quantization.Calibration;

/// <summary>
/// The running minimum, maximum and histogram of one tensor's values over the calibration inputs, as ONNX Runtime's
/// HistogramCollector keeps them (calibrate.py, collect_value): <see cref="Bins"/> equal bins over the symmetric range
/// [-<see cref="Threshold"/>, <see cref="Threshold"/>] that the first batch's max |x| sets. When a later batch exceeds
/// it, the range doubles (as often as needed) and pairs of old bins merge into one: exact, unlike a re-binning by
/// interpolation, at the cost of bins up to twice as wide as the final max |x| needs. Values outside the range cannot
/// occur; NaN is ignored.
/// </summary>
public sealed class TensorHistogram
{
    /// <summary>ONNX Runtime's default bin count for the percentile and distribution calibrators.</summary>
    public const int DefaultBins = 2048;

    private readonly long[] _counts;

    public TensorHistogram(int bins = DefaultBins)
    {
        if (bins < 4 || bins % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "a multiple of 4 bins (the range doubles by merging pairs into the middle half)");
        }

        _counts = new long[bins];
    }

    public int Bins => _counts.Length;

    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Half the histogram's range; 0 until a non-zero value is seen.</summary>
    public double Threshold { get; private set; }

    public float Min { get; private set; } = float.PositiveInfinity;

    public float Max { get; private set; } = float.NegativeInfinity;

    public long Total { get; private set; }

    /// <summary>The value at the left edge of bin <paramref name="index"/> (index = <see cref="Bins"/>: the right end).</summary>
    public double Edge(int index) => -Threshold + (2 * Threshold * index / Bins);

    public void Add(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity;
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            if (v < min)
            {
                min = v;
            }

            if (v > max)
            {
                max = v;
            }
        }

        if (min > max)
        {
            return; // empty or all NaN
        }

        Min = Math.Min(Min, min);
        Max = Math.Max(Max, max);
        double absMax = Math.Max(Math.Abs((double)min), Math.Abs((double)max));
        if (Threshold == 0)
        {
            Threshold = absMax;
        }

        while (absMax > Threshold)
        {
            Widen();
        }

        if (Threshold == 0)
        {
            _counts[Bins / 2] += values.Length; // all zeros: the bin right of 0
            Total += values.Length;
            return;
        }

        double perUnit = Bins / (2 * Threshold);
        int last = Bins - 1;
        double offset = Threshold;
        foreach (float v in values)
        {
            int bin = (int)((v + offset) * perUnit);
            if ((uint)bin > (uint)last)
            {
                if (float.IsNaN(v))
                {
                    continue;
                }

                bin = bin < 0 ? 0 : last; // the right edge itself, or rounding at an edge
            }

            _counts[bin]++;
        }

        Total += values.Length;
    }

    /// <summary>Doubles the range: bins 2k and 2k+1 of the old histogram become bin Bins/4 + k of the new one.</summary>
    private void Widen()
    {
        int n = Bins;
        var merged = new long[n];
        for (int k = 0; k < n / 2; k++)
        {
            merged[(n / 4) + k] = _counts[2 * k] + _counts[(2 * k) + 1];
        }

        merged.CopyTo(_counts, 0);
        Threshold *= 2;
    }
}
