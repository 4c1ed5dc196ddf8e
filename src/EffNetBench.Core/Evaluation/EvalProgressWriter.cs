using System.Globalization;

namespace EffNetBench.Core.Evaluation;

/// <summary>Prints progress lines at most about once a second, plus the final one once, so a long run does not flood the log.</summary>
public sealed class EvalProgressWriter(TextWriter writer) : IProgress<EvalProgress>
{
    private long _lastTicks = long.MinValue;
    private bool _finished;

    public void Report(EvalProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        long now = Environment.TickCount64;
        bool final = value.Done >= value.Total;
        if (_finished || (!final && _lastTicks != long.MinValue && now - _lastTicks < 1000))
        {
            return;
        }

        _finished = final;

        _lastTicks = now;
        string eta = value.Done >= value.Total || value.Remaining is not TimeSpan left ? string.Empty : ", ETA " + Clock(left);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval: {value.Done}/{value.Total} images ({value.Skipped} skipped), {value.ImagesPerSecond:0.#} images/s{eta}"));
    }

    /// <summary>h:mm:ss, or m:ss under an hour.</summary>
    public static string Clock(TimeSpan t) =>
        t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
}
