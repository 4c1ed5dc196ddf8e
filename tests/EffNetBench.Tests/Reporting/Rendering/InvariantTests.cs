using System.Globalization;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Reporting.Rendering;

/// <summary>
/// Report files are read by scripts: their numbers must not follow the machine's culture. This test project turns
/// InvariantGlobalization off, so de-DE really formats 1.5 as "1,5"; a culture made by hand (decimal comma, group
/// dot, a Unicode minus) checks the same without relying on ICU data.
/// </summary>
public sealed class InvariantTests
{
    public static TheoryData<string> Cultures => ["de-DE", "fr-FR", "custom"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_formatter_writes_invariant_numbers_whatever_the_current_culture(string culture)
    {
        using IDisposable scope = culture == "custom" ? new CustomCultureScope() : new CultureScope(culture);
        Assert.NotEqual("1.5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really is foreign

        Assert.Equal("1234567", Invariant.Number(1_234_567L));
        Assert.Equal(string.Empty, Invariant.Number((long?)null));
        Assert.Equal("-0.50", Invariant.Number(-0.5, "0.00"));
        Assert.Equal(string.Empty, Invariant.Number(null, "0.00"));
        Assert.Equal(("0.012", "7.52", "561.6", "1234.6"), (Invariant.Ms(0.0123), Invariant.Ms(7.5204), Invariant.Ms(561.64), Invariant.Ms(1234.56)));
        Assert.Equal(("77.12%", "77.1%", "77%"), (Invariant.Percent(0.77123), Invariant.Percent(0.77123, 1), Invariant.Percent(0.77123, 0)));
        Assert.Equal(("+25.0 %", "-10.0 %", "0.0 %", ""), (Invariant.Change(1.25), Invariant.Change(0.9), Invariant.Change(1), Invariant.Change(null)));
        Assert.Equal(("175", "+1.5 MB", "-0.5 MB"), (Invariant.Mib(183_500_800), Invariant.MibChange(1_572_864), Invariant.MibChange(-524_288)));
        Assert.Equal(("0.123457", "3", "9007199254740993"), (Invariant.Exact(0.1234567), Invariant.Exact(3.0), Invariant.Exact(9_007_199_254_740_993L)));
        Assert.Equal(("12.346M", "1.5G", "999"), (Invariant.Compact(12_345_678), Invariant.Compact(1.5e9), Invariant.Compact(999)));
        Assert.Equal(("4", "default"), (Invariant.Threads(4), Invariant.Threads(null)));
        var time = new DateTimeOffset(2026, 1, 5, 11, 30, 15, TimeSpan.FromHours(1));
        Assert.Equal(("2026-01-05 10:30", "2026-01-05T10:30:15Z"), (Invariant.UtcMinute(time), Invariant.UtcSecond(time)));
    }

    private sealed class CustomCultureScope : IDisposable
    {
        private readonly CultureInfo previous = CultureInfo.CurrentCulture;

        public CustomCultureScope()
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = ",";
            culture.NumberFormat.NumberGroupSeparator = ".";
            culture.NumberFormat.PercentDecimalSeparator = ",";
            culture.NumberFormat.NegativeSign = "\u2212";
            culture.NumberFormat.PercentSymbol = "pct";
            CultureInfo.CurrentCulture = culture;
        }

        public void Dispose() => CultureInfo.CurrentCulture = previous;
    }
}
