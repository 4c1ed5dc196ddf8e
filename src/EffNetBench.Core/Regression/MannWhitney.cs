namespace EffNetBench.Core.Regression;

/// <summary>
/// The one-sided Mann-Whitney U test, normal approximation with the tie correction of the variance and a continuity
/// correction of 0.5: the same p-values as scipy.stats.mannwhitneyu(x, y, alternative=..., method="asymptotic",
/// use_continuity=True), against which <c>MannWhitneyTests</c> pins it. The normal approximation is used at every
/// sample size (compare needs at least 5 per side); for 5 to 8 samples it is a little conservative near alpha = 0.01
/// compared with the exact distribution, which only makes a change harder to call.
/// </summary>
public static class MannWhitney
{
    /// <summary>P-value of "x tends to be greater than y" (H1: P(X &gt; Y) &gt; 1/2).</summary>
    public static double PGreater(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        (double u1, double mean, double sd) = Statistic(x, y);
        return sd > 0 ? NormalUpperTail((u1 - mean - 0.5) / sd) : 1;
    }

    /// <summary>P-value of "x tends to be less than y".</summary>
    public static double PLess(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        (double u1, double mean, double sd) = Statistic(x, y);
        double u2 = (double)x.Count * y.Count - u1;
        return sd > 0 ? NormalUpperTail((u2 - mean - 0.5) / sd) : 1;
    }

    /// <summary>U of x (pairs with x above y, ties counting a half), its mean and tie-corrected standard deviation under H0.</summary>
    internal static (double U1, double Mean, double Sd) Statistic(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("both samples need at least one value");
        }

        int n1 = x.Count, n2 = y.Count, n = n1 + n2;
        var pooled = new (double Value, bool FromX)[n];
        for (int i = 0; i < n1; i++)
        {
            pooled[i] = (x[i], true);
        }

        for (int i = 0; i < n2; i++)
        {
            pooled[n1 + i] = (y[i], false);
        }

        Array.Sort(pooled, (a, b) => a.Value.CompareTo(b.Value));
        double rankSumX = 0, tieTerm = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && pooled[end + 1].Value == pooled[start].Value)
            {
                end++;
            }

            double midRank = (start + end) / 2.0 + 1; // ranks are 1-based
            double t = end - start + 1;
            tieTerm += t * t * t - t;
            for (int i = start; i <= end; i++)
            {
                if (pooled[i].FromX)
                {
                    rankSumX += midRank;
                }
            }

            start = end + 1;
        }

        double u1 = rankSumX - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double)n2 / 2;
        double variance = n1 * (double)n2 / 12 * (n + 1 - tieTerm / (n * (double)(n - 1)));
        return (u1, mean, Math.Sqrt(Math.Max(0, variance)));
    }

    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    internal static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The complementary error function; Chebyshev fit (Numerical Recipes' erfcc), fractional error below 1.2e-7 everywhere.</summary>
    internal static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
