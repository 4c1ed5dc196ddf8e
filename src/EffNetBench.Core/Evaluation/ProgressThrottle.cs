namespace EffNetBench.Core.Evaluation;

/// <summary>
/// When a progress line is due: at most about once a second, plus the final one, once, so a long run does not flood
/// the log. Safe to call from several threads.
/// </summary>
public sealed class ProgressThrottle
{
    private readonly Lock _lock = new();
    private long _lastTicks = long.MinValue;
    private bool _finished;

    /// <summary>Calls <paramref name="write"/> (under the throttle's lock, so lines from several threads never
    /// interleave) when a line is due.</summary>
    /// <param name="final">This report is the last state (all done).</param>
    public void IfDue(bool final, Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_lock)
        {
            long now = Environment.TickCount64;
            if (_finished || (!final && _lastTicks != long.MinValue && now - _lastTicks < 1000))
            {
                return;
            }

            _lastTicks = now;
            _finished = final;
            write();
        }
    }
}
