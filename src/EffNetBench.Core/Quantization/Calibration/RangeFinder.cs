namespace EffNetBench.Core.Quantization.Calibration;

/// <summary>
/// An activation's calibrated range [Lo, Hi] from its <see cref="TensorHistogram"/>, by the three methods of ONNX
/// Runtime's calibrators (onnxruntime/python/tools/quantization/calibrate.py, HistogramCollector). Every range is
/// clamped to the observed [Min, Max], as there.
/// </summary>
public static class RangeFinder
{
    /// <summary>Quantised levels the entropy search compares against (ONNX Runtime's and TensorRT's num_quantized_bins).</summary>
    public const int QuantizedBins = 128;

    public static (float Lo, float Hi) Find(TensorHistogram histogram, CalibrationMethod method, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Total == 0)
        {
            return (0f, 0f);
        }

        return method switch
        {
            CalibrationMethod.MinMax => (histogram.Min, histogram.Max),
            CalibrationMethod.Percentile => Percentile(histogram, percentile),
            _ => Entropy(histogram),
        };
    }

    /// <summary>
    /// Symmetric percentile (ONNX Runtime's default for this method): the histogram of |x| (the signed bins folded at
    /// 0, Bins/2 bins of width Threshold / (Bins/2)); t = the left edge of the first bin where the cumulative share reaches
    /// <paramref name="percentile"/> / 100 (numpy searchsorted on the CDF, then hist_edges[idx], as calibrate.py does);
    /// the range is [max(-t, Min), min(t, Max)].
    /// </summary>
    public static (float Lo, float Hi) Percentile(TensorHistogram histogram, double percentile)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (!(percentile > 0 && percentile <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "a percentile in (0, 100]");
        }

        ReadOnlySpan<long> counts = histogram.Counts;
        int half = histogram.Bins / 2;
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        double target = percentile / 100.0 * total;
        long cumulative = 0;
        int index = half - 1;
        for (int j = 0; j < half; j++)
        {
            cumulative += counts[half + j] + counts[half - 1 - j];
            if (cumulative >= target)
            {
                index = j;
                break;
            }
        }

        double t = histogram.Threshold * index / half;
        return ((float)Math.Max(-t, histogram.Min), (float)Math.Min(t, histogram.Max));
    }

    /// <summary>
    /// Entropy calibration (calibrate.py, get_entropy_threshold; Migacz, "8-bit inference with TensorRT", GTC 2017):
    /// for i = 64 .. Bins/2 the candidate range is bins [Bins/2 - i, Bins/2 + i + 1) of the signed histogram; p is that
    /// slice with the outside counts added to its end bins, q the slice merged into <see cref="QuantizedBins"/> levels
    /// and spread back over p's non-empty bins; both smoothed (zeros get 1e-4), KL(p || q) computed on the normalised
    /// distributions, and the candidate with the smallest divergence is the range, clamped to [Min, Max].
    /// </summary>
    public static (float Lo, float Hi) Entropy(TensorHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Threshold == 0)
        {
            return (histogram.Min, histogram.Max);
        }

        ReadOnlySpan<long> hist = histogram.Counts;
        int bins = hist.Length;
        int zero = bins / 2;
        int halfQuantized = QuantizedBins / 2;
        var prefix = new long[bins + 1];
        for (int k = 0; k < bins; k++)
        {
            prefix[k + 1] = prefix[k] + hist[k];
        }

        double bestKl = double.PositiveInfinity;
        (double Lo, double Hi) best = (histogram.Edge(0), histogram.Edge(bins));
        var p = new double[bins + 1];
        var q = new double[bins + 1];
        for (int i = halfQuantized; i <= zero; i++)
        {
            int start = zero - i;
            int end = Math.Min(zero + i + 1, bins);
            int size = end - start;
            for (int k = 0; k < size; k++)
            {
                p[k] = hist[start + k];
            }

            p[0] += prefix[start];
            p[size - 1] += prefix[bins] - prefix[end];

            int merged = size / QuantizedBins;
            for (int index = 0; index < QuantizedBins; index++)
            {
                int from = index * merged;
                int to = index == QuantizedBins - 1 ? size : from + merged;
                double sum = prefix[start + to] - prefix[start + from];

                // calibrate.py spreads each level evenly over every bin of its first `merged` bins when any of them is
                // non-empty in p (the last level's remainder bins get q = 0, then the smoothing epsilon). It stores q as
                // int64, truncating; here q stays real (TensorRT's calibrator does the same).
                int spreadTo = from + merged;
                int norm = 0;
                for (int k = from; k < spreadTo; k++)
                {
                    if (p[k] != 0)
                    {
                        norm++;
                    }
                }

                for (int k = from; k < to; k++)
                {
                    q[k] = k < spreadTo && norm != 0 ? sum / norm : 0;
                }
            }

            double kl = SmoothedKl(p.AsSpan(0, size), q.AsSpan(0, size));
            if (kl < bestKl)
            {
                bestKl = kl;
                best = (histogram.Edge(start), histogram.Edge(end));
            }
        }

        return ((float)Math.Max(best.Lo, histogram.Min), (float)Math.Min(best.Hi, histogram.Max));
    }

    /// <summary>KL(p || q) after quant_utils.smooth_distribution on both (eps = 1e-4 to each zero bin, taken evenly from
    /// the others) and normalising each to sum 1, as scipy.stats.entropy does; +inf when either is all zeros.</summary>
    internal static double SmoothedKl(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        const double eps = 0.0001;
        (int pZeros, double pSum) = ZerosAndSum(p);
        (int qZeros, double qSum) = ZerosAndSum(q);
        if (pZeros == p.Length || qZeros == q.Length)
        {
            return double.PositiveInfinity;
        }

        double pEps1 = eps * pZeros / (p.Length - pZeros);
        double qEps1 = eps * qZeros / (q.Length - qZeros);

        // Smoothing moves mass between bins but keeps each sum.
        double kl = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double ps = (p[k] == 0 ? eps : p[k] - pEps1) / pSum;
            double qs = (q[k] == 0 ? eps : q[k] - qEps1) / qSum;
            if (ps <= 0 || qs <= 0)
            {
                return double.PositiveInfinity;
            }

            kl += ps * Math.Log(ps / qs);
        }

        return kl;
    }

    private static (int Zeros, double Sum) ZerosAndSum(ReadOnlySpan<double> values)
    {
        int zeros = 0;
        double sum = 0;
        foreach (double v in values)
        {
            if (v == 0)
            {
                zeros++;
            }

            sum += v;
        }

        return (zeros, sum);
    }
}
