namespace EffNetBench.Tests.Benchmarking;

/// <summary>A clock that moves only when told to, so ETAs and run times are exact.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _elapsed;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _elapsed.Ticks;

    public override DateTimeOffset GetUtcNow() => start + _elapsed;

    public void Advance(TimeSpan by) => _elapsed += by;
}
