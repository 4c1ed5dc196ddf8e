using System.Globalization;

namespace EffNetBench.Core.Evaluation;

/// <summary>Prints progress lines as <see cref="ProgressThrottle"/> allows: about once a second, and the final one once.</summary>
public sealed class EvalProgressWriter(TextWriter writer) : IProgress<EvalProgress>
{
    private readonly ProgressThrottle _throttle = new();

    public void Report(EvalProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool final = value.Done >= value.Total;
        _throttle.IfDue(final, () =>
        {
            string eta = final || value.Remaining is not TimeSpan left ? string.Empty : ", ETA " + Clock(left);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eval: {value.Done}/{value.Total} images ({value.Skipped} skipped), {value.ImagesPerSecond:0.#} images/s{eta}"));
        });
    }

    /// <summary>h:mm:ss, or m:ss under an hour.</summary>
    public static string Clock(TimeSpan t) =>
        t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
}
