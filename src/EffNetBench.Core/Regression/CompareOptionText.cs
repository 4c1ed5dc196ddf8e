using System.Globalization;

namespace EffNetBench.Core.Regression;

/// <summary>The text forms of `--threshold` ("5%") and `--noise` ("0.05ms", "50us"), read in the invariant culture.</summary>
public static class CompareOptionText
{
    private static readonly (string Suffix, double Milliseconds)[] TimeUnits =
    [
        ("ns", 1e-6), ("us", 1e-3), ("\u00b5s", 1e-3), ("ms", 1), ("s", 1000),
    ];

    /// <summary>"5%" or "2.5 %" as a fraction (0.05); the '%' is required, since "0.05" could mean either 5 % or 0.05 %.</summary>
    public static bool TryParsePercent(string? text, out double fraction)
    {
        fraction = 0;
        string value = (text ?? string.Empty).Trim();
        if (!value.EndsWith('%') || !TryParseNonNegative(value[..^1], out double percent))
        {
            return false;
        }

        fraction = percent / 100;
        return true;
    }

    /// <summary>"0.05ms", "50us", "50µs", "50000ns", "0.00005s", or a bare number of milliseconds.</summary>
    public static bool TryParseMilliseconds(string? text, out double milliseconds)
    {
        milliseconds = 0;
        string value = (text ?? string.Empty).Trim();
        foreach ((string suffix, double scale) in TimeUnits)
        {
            // Two-letter suffixes come before "s" in the list, so "ms" is never read as seconds.
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                if (!TryParseNonNegative(value[..^suffix.Length], out double amount))
                {
                    return false;
                }

                milliseconds = amount * scale;
                return true;
            }
        }

        return TryParseNonNegative(value, out milliseconds);
    }

    private static bool TryParseNonNegative(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value) && value >= 0;
}
