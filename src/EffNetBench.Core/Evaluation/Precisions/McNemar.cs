using EffNetBench.Core.Regression;

namespace EffNetBench.Core.Evaluation.Precisions;

/// <summary>
/// McNemar's paired test on the discordant images of two classifiers run on the same images (McNemar 1947): of the
/// n = b + c images exactly one gets right, is the split between b and c further from n/2 than chance allows?
/// With n &lt; <see cref="ExactBelow"/> the exact two-sided binomial test (b ~ Binomial(n, 1/2)); otherwise the
/// chi-square statistic with Edwards' continuity correction, (|b - c| - 1)^2 / n on one degree of freedom (the rule of
/// thumb of https://en.wikipedia.org/wiki/McNemar%27s_test: the chi-square approximation is poor when b + c &lt; 25).
/// </summary>
public static class McNemar
{
    public const int ExactBelow = 25;

    public const string ExactMethod = "exact binomial";
    public const string ChiSquareMethod = "chi-square with continuity correction";

    /// <param name="b">Images the baseline gets right and the other wrong.</param>
    /// <param name="c">Images the baseline gets wrong and the other right.</param>
    public static McNemarResult Test(int b, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        int n = b + c;
        if (n == 0)
        {
            // No discordant image: nothing to tell the two apart.
            return new McNemarResult(b, c, ExactMethod, null, 1.0);
        }

        if (n < ExactBelow)
        {
            return new McNemarResult(b, c, ExactMethod, null, ExactTwoSided(Math.Min(b, c), n));
        }

        double statistic = Math.Pow(Math.Abs(b - c) - 1.0, 2) / n;

        // P(chi-square with 1 df > x) = erfc(sqrt(x / 2)).
        return new McNemarResult(b, c, ChiSquareMethod, statistic, Math.Min(1.0, MannWhitney.Erfc(Math.Sqrt(statistic / 2))));
    }

    /// <summary>2 x P(X &lt;= k) for X ~ Binomial(n, 1/2), at most 1; terms summed in log space so large n does not overflow.</summary>
    private static double ExactTwoSided(int k, int n)
    {
        double sum = 0;
        double logHalfN = n * Math.Log(0.5);
        double logChoose = 0; // log C(n, 0)
        for (int i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            sum += Math.Exp(logChoose + logHalfN);
        }

        return Math.Min(1.0, 2 * sum);
    }
}
