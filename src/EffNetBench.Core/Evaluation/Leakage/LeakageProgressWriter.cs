using System.Globalization;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>Prints progress lines at most about once a second, plus the final one; safe to call from several threads.</summary>
public sealed class LeakageProgressWriter(TextWriter writer) : IProgress<LeakageProgress>
{
    private readonly Lock _lock = new();
    private long _lastTicks = long.MinValue;

    public void Report(LeakageProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            long now = Environment.TickCount64;
            if (value.Done < value.Total && _lastTicks != long.MinValue && now - _lastTicks < 1000)
            {
                return;
            }

            _lastTicks = now;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leakage: {value.Done}/{value.Total} images hashed"));
        }
    }
}
