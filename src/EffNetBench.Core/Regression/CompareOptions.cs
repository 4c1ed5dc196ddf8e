using System.Globalization;

namespace EffNetBench.Core.Regression;

/// <summary>How large a latency change must be, how sure the test must be, and how clean the evidence must be before a
/// case is called faster or slower.</summary>
/// <param name="RelativeThreshold">Smallest change that matters, as a fraction of the latency (0.05 = 5 %); above 0.</param>
/// <param name="NoiseMs">Smallest change that matters in milliseconds: shifts below it are timer and scheduler noise on tiny latencies; above 0.</param>
/// <param name="Alpha">Significance level of each one-sided Mann-Whitney test.</param>
/// <param name="MaxBusyShare">A side whose <see cref="Results.NoiseInfo.BusyShare"/> (other processes and steal, as a share
/// of the machine) is above this is too busy to judge: the verdict is inconclusive. 0.15 by default: an idle machine
/// shows a few percent (daemons, the terminal), while another process holding one core of two for a third of the
/// span (0.17) already slows an inference that uses every core by more than the 5 % threshold.</param>
/// <param name="DriftAllowance">For a <see cref="Pairing.Sequential"/> comparison, how much a case's latency may drift
/// between two separately launched runs with no change in the code (process layout, frequency, caches, neighbours):
/// a change must be significantly beyond it as well (10 % by default, see the README). 0 trusts sequential runs.</param>
public sealed record CompareOptions(
    double RelativeThreshold = 0.05,
    double NoiseMs = 0.05,
    double Alpha = 0.01,
    double MaxBusyShare = 0.15,
    double DriftAllowance = 0.10)
{
    /// <summary>Fewer samples than this on either side give <see cref="InconclusiveReason.TooFewSamples"/>: a rank test on a handful of values says nothing.</summary>
    public const int MinSamples = 5;

    /// <summary>The ONNX Runtime version is what is being compared (`history --label-by onnxruntime`), so a different
    /// version on each side is not an environment difference.</summary>
    public bool OnnxRuntimeUnderTest { get; init; }

    /// <summary>Throws when a value is outside its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (threshold and noise floor must be above 0).</exception>
    public void Validate()
    {
        if (!double.IsFinite(RelativeThreshold) || RelativeThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RelativeThreshold), RelativeThreshold, "the relative threshold must be a finite fraction > 0.");
        }

        if (!double.IsFinite(NoiseMs) || NoiseMs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseMs), NoiseMs, "the noise floor must be a finite number of milliseconds > 0.");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "alpha must be strictly between 0 and 1.");
        }

        if (!(MaxBusyShare > 0 && MaxBusyShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBusyShare), MaxBusyShare, "the busy share limit must be in (0, 1].");
        }

        if (!double.IsFinite(DriftAllowance) || DriftAllowance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DriftAllowance), DriftAllowance, "the drift allowance must be a finite fraction >= 0.");
        }
    }

    /// <summary>"threshold 5 %, noise floor 0.05 ms, alpha 0.01, max busy 15 %, drift allowance 10 %", for report headers.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"threshold {RelativeThreshold * 100:0.###} %, noise floor {NoiseMs:0.######} ms, alpha {Alpha:0.######}, max busy {MaxBusyShare * 100:0.###} %, drift allowance {DriftAllowance * 100:0.###} %");
}

/// <summary>How the two sides of a comparison were measured, which decides what noise evidence a change must beat.</summary>
public enum Pairing
{
    /// <summary>Two runs one after the other (`compare`, `history`): a change must also beat <see cref="CompareOptions.DriftAllowance"/>
    /// and, where both sides have launches, their launch-to-launch spread.</summary>
    Sequential,

    /// <summary>Launches of the two arms interleaved in one run (`ab`): drift hits both arms alike, so a change must beat
    /// only the launch-to-launch spread of medians.</summary>
    Interleaved,
}
