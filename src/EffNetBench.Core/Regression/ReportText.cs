using System.Globalization;

namespace EffNetBench.Core.Regression;

/// <summary>How the regression reports write numbers: invariant culture, readable precision in Markdown, more in CSV.</summary>
internal static class ReportText
{
    /// <summary>Three significant-ish digits whatever the scale: 0.012, 7.52, 561.6.</summary>
    public static string Ms(double? value) => value switch
    {
        null => string.Empty,
        >= 100 => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 1 => value.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    /// <summary>A ratio as a signed change: 1.25 -> "+25.0 %".</summary>
    public static string Change(double? ratio) =>
        ratio is double r ? ((r - 1) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : string.Empty;

    public static string MegabyteChange(long? bytes) =>
        bytes is long b ? (b / 1048576.0).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " MB" : string.Empty;

    /// <summary>CSV figures: enough digits for a nanosecond or a ratio to six places, nothing for null.</summary>
    public static string Exact(double? value) =>
        value is double v ? v.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;

    public static string Exact(long? value) =>
        value is long v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    public static string Exact(int? value) =>
        value is int v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    public static string Name(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Threads(int? threads) => threads is int t ? t.ToString(CultureInfo.InvariantCulture) : "default";

    public static string Utc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string UtcExact(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
