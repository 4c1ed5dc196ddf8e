namespace EffNetBench.Core.Evaluation.Metrics;

/// <summary>
/// Running sums for the expected calibration error over equal-width bins of confidence (the max probability).
/// Bin i holds confidences in (i/B, (i+1)/B], the first bin also holding 0, as in Guo et al. (2017).
/// </summary>
internal sealed class CalibrationBins
{
    private readonly long[] _counts;
    private readonly long[] _correct;
    private readonly double[] _confidenceSums;
    private long _total;

    public CalibrationBins(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        _counts = new long[bins];
        _correct = new long[bins];
        _confidenceSums = new double[bins];
    }

    public int Bins => _counts.Length;

    /// <summary>Counts one prediction; confidence is clamped to [0, 1] because rows summing to 1 + 1e-3 count as probabilities.</summary>
    public void Add(double confidence, bool correct)
    {
        double c = Math.Clamp(confidence, 0, 1);
        int bin = Math.Clamp((int)Math.Ceiling(c * Bins) - 1, 0, Bins - 1);
        _counts[bin]++;
        _confidenceSums[bin] += c;
        if (correct)
        {
            _correct[bin]++;
        }

        _total++;
    }

    /// <summary>Σ (n_b / N) · |accuracy_b − mean confidence_b|, in [0, 1]; 0 before any prediction.</summary>
    public double ExpectedCalibrationError()
    {
        if (_total == 0)
        {
            return 0;
        }

        double ece = 0;
        for (int b = 0; b < Bins; b++)
        {
            if (_counts[b] == 0)
            {
                continue;
            }

            double accuracy = (double)_correct[b] / _counts[b];
            double confidence = _confidenceSums[b] / _counts[b];
            ece += (double)_counts[b] / _total * Math.Abs(accuracy - confidence);
        }

        return Math.Clamp(ece, 0, 1);
    }
}
