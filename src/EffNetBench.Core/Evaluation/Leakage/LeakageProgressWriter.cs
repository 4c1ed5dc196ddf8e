using System.Globalization;

namespace EffNetBench.Core.Evaluation.Leakage;

/// <summary>Prints progress lines as <see cref="ProgressThrottle"/> allows (about once a second, the final one once); safe to call from several threads.</summary>
public sealed class LeakageProgressWriter(TextWriter writer) : IProgress<LeakageProgress>
{
    private readonly ProgressThrottle _throttle = new();

    public void Report(LeakageProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _throttle.IfDue(value.Done >= value.Total,
            () => writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"leakage: {value.Done}/{value.Total} images hashed")));
    }
}
