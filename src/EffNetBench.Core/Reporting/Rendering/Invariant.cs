using System.Globalization;

namespace EffNetBench.Core.Reporting.Rendering;

/// <summary>
/// Every number, percentage, size and time the report files print, in the invariant culture whatever the machine's
/// culture; null (an unknown value) is always the empty string, so no figure is made up.
/// </summary>
public static class Invariant
{
    private const double BytesPerMiB = 1048576.0;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long? value) => value is long v ? Number(v) : string.Empty;

    /// <summary>The value in a .NET custom or standard format ("0.00", "0.###", "+0.0;-0.0;0.0", "R").</summary>
    public static string Number(double? value, string format) =>
        value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>CSV and JSON-like figures: up to six decimals (a nanosecond, a ratio to six places), no noise digits of a division.</summary>
    public static string Exact(double? value) => Number(value, "0.######");

    /// <summary>Counts and sizes in CSV: every digit.</summary>
    public static string Exact(long? value) => Number(value);

    /// <summary>Milliseconds with three significant-ish digits whatever the scale: 0.012, 7.52, 561.6.</summary>
    public static string Ms(double? value) => value switch
    {
        null => string.Empty,
        >= 100 => Number(value, "0.0"),
        >= 1 => Number(value, "0.00"),
        _ => Number(value, "0.000"),
    };

    /// <summary>A fraction as a percentage: 0.7712 -> "77.12%" (decimals 2).</summary>
    public static string Percent(double? fraction, int decimals = 2) =>
        Number(fraction, "0." + new string('0', Math.Max(decimals, 0)) + "%").Replace(".%", "%", StringComparison.Ordinal);

    /// <summary>A ratio as a signed change: 1.25 -> "+25.0 %", 0.9 -> "-10.0 %".</summary>
    public static string Change(double? ratio) =>
        ratio is double r ? Number((r - 1) * 100, "+0.0;-0.0;0.0") + " %" : string.Empty;

    /// <summary>Bytes in MiB (2^20 bytes; the reports' "MB" columns), no decimals: 183500800 -> "175".</summary>
    public static string Mib(double? bytes) => Number(bytes / BytesPerMiB, "0");

    /// <summary>A change in bytes as signed MiB with one decimal: 1572864 -> "+1.5 MB".</summary>
    public static string MibChange(long? bytes) =>
        bytes is long b ? Number(b / BytesPerMiB, "+0.0;-0.0;0.0") + " MB" : string.Empty;

    /// <summary>12,345,678 -> "12.35M"; readable in a table, never in CSV or JSON.</summary>
    public static string Compact(double value) => value switch
    {
        >= 1e9 => Number(value / 1e9, "0.###") + "G",
        >= 1e6 => Number(value / 1e6, "0.###") + "M",
        >= 1e3 => Number(value / 1e3, "0.###") + "K",
        _ => Number(value, "0.###"),
    };

    /// <summary>An intra-op thread setting; null is ONNX Runtime's own choice, "default".</summary>
    public static string Threads(int? threads) => threads is int t ? Number(t) : "default";

    /// <summary>"2026-01-05 10:00", to the minute, in UTC.</summary>
    public static string UtcMinute(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-01-05T10:00:00Z", ISO 8601 to the second, in UTC.</summary>
    public static string UtcSecond(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
