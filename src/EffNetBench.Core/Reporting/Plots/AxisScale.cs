using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// One axis, linear or base-10 logarithmic. ScottPlot 5 has no log axis: log data are plotted as log10 values
/// and the ticks are labelled with the values they stand for.
/// </summary>
internal sealed class AxisScale
{
    /// <summary>A linear axis spanning this ratio or more (max / min) switches to log, so the small models are not squashed together.</summary>
    public const double AutoLogRatio = 20;

    /// <summary>Decades from which a log axis is labelled at powers of ten only.</summary>
    private const double WideLogSpan = 3;

    private AxisScale(bool isLog)
    {
        IsLog = isLog;
    }

    public bool IsLog { get; }

    public static AxisScale Linear { get; } = new(isLog: false);

    public static AxisScale Log { get; } = new(isLog: true);

    /// <summary>Log when the positive values span <see cref="AutoLogRatio"/> or more; linear otherwise, or when any value is not positive.</summary>
    public static AxisScale Choose(IEnumerable<double> values)
    {
        double[] finite = [.. values.Where(double.IsFinite)];
        if (finite.Length == 0 || finite.Any(v => v <= 0))
        {
            return Linear;
        }

        return finite.Max() / finite.Min() >= AutoLogRatio ? Log : Linear;
    }

    /// <summary>Whether the value can be drawn: finite, and positive on a log axis.</summary>
    public bool Accepts(double value) => double.IsFinite(value) && (!IsLog || value > 0);

    /// <summary>The value in plot coordinates.</summary>
    public double Map(double value) => IsLog ? Math.Log10(value) : value;

    /// <summary>The axis title, saying so when the scale is logarithmic, since the tick spacing alone is easy to misread.</summary>
    public string Title(string title) => IsLog ? title + ", log scale" : title;

    /// <summary>
    /// Padded limits in plot coordinates around the data. <paramref name="extraHigh"/> is a further fraction of the span
    /// added above the data, room for the text drawn to the right of (or above) the points.
    /// </summary>
    public (double Low, double High) Limits(IEnumerable<double> mappedValues, double extraHigh = 0)
    {
        double[] v = [.. mappedValues];
        double low = v.Min();
        double high = v.Max();

        // One value, or all equal: give the axis a width so the point sits in the middle of a readable range.
        double minimumSpan = IsLog ? 0.3 : Math.Max(Math.Abs(high) * 0.1, 1);
        if (high - low < minimumSpan)
        {
            double middle = (low + high) / 2;
            low = middle - (minimumSpan / 2);
            high = middle + (minimumSpan / 2);
        }

        double span = high - low;
        return (low - (0.06 * span), high + ((0.06 + extraHigh) * span));
    }

    /// <summary>Sets the axis ticks for the limits <paramref name="low"/>..<paramref name="high"/>; every tick label in the invariant culture.</summary>
    public void ApplyTicks(IAxis axis, double low, double high)
    {
        if (!IsLog)
        {
            // ScottPlot's default formatter follows the current culture; report files must not.
            axis.TickGenerator = new NumericAutomatic { LabelFormatter = FormatLinear };
            return;
        }

        // Whole decades as major ticks on a wide axis. On a narrower one two or three decade labels are too few to read
        // values off, so 1-2-5 steps are labelled instead.
        if (high - low >= WideLogSpan)
        {
            axis.TickGenerator = new NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new LogMinorTickGenerator { Divisions = 10 },
                LabelFormatter = exponent => FormatValue(Math.Pow(10, Math.Round(exponent))),
            };
        }
        else
        {
            axis.TickGenerator = NarrowLogTicks(low, high);
        }
    }

    /// <summary>
    /// Ticks at 1, 2 and 5 times powers of ten, minor ticks at the other whole multiples; on an axis too narrow for
    /// three such labels (two models 2x apart), every whole multiple is labelled.
    /// </summary>
    private static NumericManual NarrowLogTicks(double low, double high)
    {
        var values = new List<(double Position, int Multiple, double Value)>();
        for (int decade = (int)Math.Floor(low); decade <= (int)Math.Ceiling(high); decade++)
        {
            for (int multiple = 1; multiple <= 9; multiple++)
            {
                double value = multiple * Math.Pow(10, decade);
                double position = Math.Log10(value);
                if (position >= low && position <= high)
                {
                    values.Add((position, multiple, value));
                }
            }
        }

        bool labelAll = values.Count(v => v.Multiple is 1 or 2 or 5) < 3;
        var ticks = new NumericManual();
        foreach ((double position, int multiple, double value) in values)
        {
            if (labelAll || multiple is 1 or 2 or 5)
            {
                ticks.AddMajor(position, FormatValue(value));
            }
            else
            {
                ticks.AddMinor(position);
            }
        }

        return ticks;
    }

    private static string FormatLinear(double value)
    {
        double rounded = Math.Round(value, 10);
        return rounded == 0 ? "0" : rounded.ToString("G10", CultureInfo.InvariantCulture);
    }

    /// <summary>Plain numbers where they stay short; a power of ten with superscripts beyond.</summary>
    private static string FormatValue(double value)
    {
        double rounded = double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (rounded is >= 1e-3 and < 1e6)
        {
            return rounded.ToString("0.######", CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(rounded));
        double mantissa = Math.Round(rounded / Math.Pow(10, exponent), 3);
        string power = "10" + Superscript(exponent);
        return mantissa == 1 ? power : mantissa.ToString("0.###", CultureInfo.InvariantCulture) + "×" + power;
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string text = exponent.ToString(CultureInfo.InvariantCulture);
        return string.Concat(text.Select(c => c == '-' ? '⁻' : digits[c - '0']));
    }
}
