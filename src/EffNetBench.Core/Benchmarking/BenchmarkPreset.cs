using System.Globalization;
using EffNetBench.Core.Benchmarking.Serving;

namespace EffNetBench.Core.Benchmarking;

/// <summary>How long and how precisely each case is measured: warm-up, minimum samples, a precision target and a
/// time budget. The stopping rule is stated by <see cref="StoppingRule"/>.</summary>
/// <param name="WarmupCount">Warm-up inferences before measurement (fewer when they would exceed <paramref name="WarmupBudget"/>).</param>
/// <param name="MinSamples">Measured inferences at least, unless the time budget runs out first.</param>
/// <param name="MaxSamples">Measured inferences at most.</param>
/// <param name="TargetRelativeCi">Stop once the confidence interval of the mean is within this fraction of the mean.</param>
/// <param name="CaseBudget">Time budget for the measured inferences of one case, applied as a sample limit: no more
/// samples than fit in it at the pilot latency.</param>
public sealed record BenchmarkPreset(
    string Name,
    int WarmupCount,
    TimeSpan WarmupBudget,
    int MinSamples,
    int MaxSamples,
    double TargetRelativeCi,
    TimeSpan CaseBudget)
{
    public static readonly BenchmarkPreset Quick = new("quick", 3, TimeSpan.FromSeconds(0.5), 10, 2000, 0.05, TimeSpan.FromSeconds(2.5)) { Serving = ServingBudget.Quick };
    public static readonly BenchmarkPreset Default = new("default", 10, TimeSpan.FromSeconds(1.5), 30, 5000, 0.02, TimeSpan.FromSeconds(15)) { Serving = ServingBudget.Default };
    public static readonly BenchmarkPreset Thorough = new("thorough", 30, TimeSpan.FromSeconds(5), 100, 20000, 0.01, TimeSpan.FromSeconds(60)) { Serving = ServingBudget.Thorough };

    /// <summary>Time caps and precision of the serving scenarios (`run --scenario offline,server`), run once per case
    /// (in its last launch), so not split by <see cref="PerLaunch"/>.</summary>
    public ServingBudget Serving { get; init; } = ServingBudget.Default;

    public static IReadOnlyList<BenchmarkPreset> All { get; } = [Quick, Default, Thorough];

    /// <summary>Launches per case when `--launches` is not given: quick 1, default 2, thorough 3.</summary>
    public int DefaultLaunches => Name switch
    {
        "quick" => 1,
        "default" => 2,
        _ => 3,
    };

    /// <summary>Launches per case of a run: `--launches`, else <see cref="DefaultLaunches"/>; an A/B run takes at least 2
    /// and an even number by default (quick 2, default 2, thorough 4) so every ABBA block is complete.</summary>
    public static int LaunchesFor(Results.RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Launches is int given)
        {
            return given;
        }

        int launches = Of(settings).DefaultLaunches;
        return settings.Ab is null ? launches : Math.Max(2, launches + (launches % 2));
    }

    /// <summary>
    /// The preset of one launch when a case gets <paramref name="launches"/>: the time budget and the sample limits are
    /// split across the launches (rounded up; at least 10 samples and 0.5 s a launch), so N launches cost about what one
    /// did plus N - 1 set-ups and warm-ups; the warm-up and the precision target are per launch, unchanged.
    /// </summary>
    public BenchmarkPreset PerLaunch(int launches)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(launches, 1);
        return launches == 1
            ? this
            : this with
            {
                MinSamples = Math.Max(Math.Min(10, MinSamples), (MinSamples + launches - 1) / launches),
                MaxSamples = Math.Max(10, (MaxSamples + launches - 1) / launches),
                CaseBudget = TimeSpan.FromSeconds(Math.Max(0.5, CaseBudget.TotalSeconds / launches)),
            };
    }

    public static bool TryFind(string name, out BenchmarkPreset preset)
    {
        preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return preset is not null;
    }

    /// <summary>The preset a run's settings name.</summary>
    public static BenchmarkPreset Of(Results.RunSettings settings) =>
        TryFind(settings.Preset, out BenchmarkPreset preset)
            ? preset
            : throw new ArgumentException($"unknown preset '{settings.Preset}': use quick, default or thorough");

    /// <summary>The stopping rule in words, written into every run's results and the README.</summary>
    public string StoppingRule => string.Create(CultureInfo.InvariantCulture,
        $"{WarmupCount} warm-up inferences (fewer if they would take over {WarmupBudget.TotalSeconds:0.#} s), then one inference per " +
        $"measured iteration until the 99.9 % confidence interval of the mean is within {TargetRelativeCi:0.#%} of the mean " +
        $"after at least {MinSamples} samples (BenchmarkDotNet's MaxRelativeError rule), at most {MaxSamples} samples, " +
        $"and no more samples than fit in {CaseBudget.TotalSeconds:0.#} s at the pilot latency, but never fewer than {MinSamples}");

    /// <summary>Sample limits for a case whose steady-state latency is about <paramref name="pilotLatency"/>.</summary>
    /// <remarks>The minimum is always the preset's: the time budget caps only the samples beyond it, so a model slower
    /// than budget / minimum (b7 on 2 cores under the default preset: ~0.55 s x 30 = 17 s for a 15 s budget) overruns
    /// its budget rather than being judged on fewer samples. BenchmarkDotNet needs MaxIterationCount > MinIterationCount.</remarks>
    public (int Warmup, int MinSamples, int MaxSamples) LimitsFor(TimeSpan pilotLatency)
    {
        double latency = Math.Max(pilotLatency.TotalSeconds, 1e-6);
        int warmup = Math.Clamp((int)(WarmupBudget.TotalSeconds / latency), 1, WarmupCount);
        int fitting = (int)Math.Min(Math.Floor(CaseBudget.TotalSeconds / latency), int.MaxValue);
        return (warmup, MinSamples, Math.Clamp(fitting, MinSamples + 1, MaxSamples));
    }

    /// <summary>Why measurement of <paramref name="samples"/> inferences stopped, under limits <paramref name="min"/> and
    /// <paramref name="max"/> from <see cref="LimitsFor"/>. Only a case that stopped between the preset's minimum and its
    /// cap stopped for precision; one cut short of the minimum, or at a cap the time budget set, says time_cap.</summary>
    public Results.StopReason StoppedBy(int samples, int min, int max) =>
        samples >= max
            ? (max < MaxSamples ? Results.StopReason.TimeCap : Results.StopReason.MaxSamples)
            : samples < Math.Max(min, MinSamples) ? Results.StopReason.TimeCap : Results.StopReason.Precision;
}
