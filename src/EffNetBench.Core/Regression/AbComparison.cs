using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EffNetBench.Core.Reporting.Rendering;
using EffNetBench.Core.Results;
using EffNetBench.Core.Serialization;

namespace EffNetBench.Core.Regression;

/// <summary>One A/B pair: the baseline and candidate case of the same position, provider, batch and threads.</summary>
/// <param name="ChangePercent">Candidate median over baseline median, minus 1, in percent (above 0 is slower).</param>
/// <param name="ChangeCi99Percent">Half-width of the 99 % confidence interval of the difference of the means
/// (sqrt(ci_b^2 + ci_c^2)), as a percent of the baseline mean.</param>
/// <param name="LaunchSpreadPercent">The larger arm's between-launch spread (largest launch median / smallest - 1), in percent.</param>
public sealed record AbPair(
    int Pair,
    string BaselineId,
    string CandidateId,
    string Provider,
    int Batch,
    int? Threads,
    double? BaselineMedianMs,
    double? CandidateMedianMs,
    double? ChangePercent,
    double? ChangeCi99Percent,
    double? LaunchSpreadPercent,
    int BaselineSamples,
    int CandidateSamples,
    int BaselineLaunches,
    int CandidateLaunches,
    Verdict Verdict,
    string Reason)
{
    /// <summary>The arms' offline throughput compared (compare's rule for interleaved arms); null when neither arm ran it.</summary>
    public ScenarioComparison? OfflineThroughput { get; init; }

    /// <summary>The arms' server maximum rate within the p99 bound compared; null when neither arm ran it.</summary>
    public ScenarioComparison? ServerMaxRate { get; init; }

    /// <summary>The latency verdict, then each compared serving figure's.</summary>
    [JsonIgnore]
    public IEnumerable<Verdict> AllVerdicts => new[] { OfflineThroughput, ServerMaxRate }.OfType<ScenarioComparison>()
        .Select(s => s.Verdict).OfType<Verdict>().Prepend(Verdict);
}

/// <summary>The A/B verdicts of one interleaved run (ab.json).</summary>
public sealed record AbReport(
    string Schema,
    string RunId,
    string RunDirectory,
    EnvironmentInfo Environment,
    string BaselineOrt,
    string CandidateOrt,
    string Preset,
    int Launches,
    CompareOptions Options,
    ImmutableArray<AbPair> Pairs)
{
    public const string CurrentSchema = "effnet-bench/ab/1";

    public bool AnySlower => Verdicts.Contains(Verdict.Slower);

    public bool AnyInconclusive => Verdicts.Contains(Verdict.Inconclusive);

    /// <summary>Every pair's latency verdict and its compared serving figures' verdicts: what ab's exit code follows.</summary>
    [JsonIgnore]
    public IEnumerable<Verdict> Verdicts => Pairs.SelectMany(p => p.AllVerdicts);

    public int Count(Verdict verdict) => Pairs.Count(p => p.Verdict == verdict);
}

/// <summary>
/// Verdicts of an A/B run (`effnet-bench ab`): each pair's arms compared on every inference of every launch with
/// compare's test (relative threshold and absolute noise floor, Mann-Whitney), then weighed against the pair's own
/// launch-to-launch spread: a change no larger than the spread between launches of one arm is not a change.
/// </summary>
public static class AbComparer
{
    /// <param name="run">A finished A/B run: its cases in plan order, each baseline case followed by its candidate.</param>
    public static AbReport Compare(BenchmarkResults run, int launches, string runDirectory, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        AbSettings ab = run.Settings.Ab ?? throw new ArgumentException($"run {run.Run.Id} is not an A/B run (its settings have no arms)", nameof(run));
        var pairs = ImmutableArray.CreateBuilder<AbPair>();
        var cases = run.Cases;
        for (int i = 0; i + 1 < cases.Length; i++)
        {
            CaseResult baseline = cases[i];
            CaseResult candidate = cases[i + 1];
            if (baseline.Arm != AbSettings.BaselineArm || candidate.Arm != AbSettings.CandidateArm)
            {
                continue;
            }

            pairs.Add(ComparePair(pairs.Count + 1, baseline, candidate, options));
            i++;
        }

        return new AbReport(AbReport.CurrentSchema, run.Run.Id, runDirectory, run.Environment,
            ArmOrt(run.Environment, ab.BaselineOrtLibrary, ArmPackage(cases, AbSettings.BaselineArm)),
            ArmOrt(run.Environment, ab.CandidateOrtLibrary, ArmPackage(cases, AbSettings.CandidateArm)),
            run.Run.Preset, launches, options, pairs.ToImmutable());
    }

    private static AbPair ComparePair(int index, CaseResult baseline, CaseResult candidate, CompareOptions options)
    {
        CaseComparison test = CompareArms(baseline, candidate, options);
        double? change = test.MedianRatio is double ratio ? (ratio - 1) * 100 : null;
        double? ci = baseline.LatencyMs is { Mean: > 0 } b && candidate.LatencyMs is { } c
            ? Math.Sqrt(Math.Pow(b.Ci99HalfWidth ?? 0, 2) + Math.Pow(c.Ci99HalfWidth ?? 0, 2)) / b.Mean * 100
            : null;
        double? spread = test.BaselineLaunchSpread is null && test.CurrentLaunchSpread is null
            ? null
            : Math.Max(test.BaselineLaunchSpread ?? 0, test.CurrentLaunchSpread ?? 0) * 100;
        string reason = Reason(test, change, options);
        return new AbPair(index, baseline.Id, candidate.Id, candidate.Provider, candidate.Batch, candidate.Threads,
            test.BaselineMedianMs, test.CurrentMedianMs, change, ci, spread, test.BaselineSamples, test.CurrentSamples,
            baseline.Launches?.Length ?? 1, candidate.Launches?.Length ?? 1, test.Verdict, reason)
        {
            OfflineThroughput = test.OfflineThroughput,
            ServerMaxRate = test.ServerMaxRate,
        };
    }

    /// <summary>Why compare's rule for interleaved arms gave its verdict, in words.</summary>
    private static string Reason(CaseComparison test, double? change, CompareOptions options)
    {
        string Pct(double v) => Invariant.Number(v, "+0.0;-0.0;0.0") + " %";
        string allowance = test.NoiseAllowance is double a && a > 0
            ? string.Create(CultureInfo.InvariantCulture, $" and the launch-to-launch spread {a * 100:0.0} %")
            : string.Empty;
        return test.Verdict switch
        {
            Verdict.Inconclusive => test.Note ?? "not testable",
            Verdict.Same => string.Create(CultureInfo.InvariantCulture,
                $"no change beyond threshold {options.RelativeThreshold * 100:0.###} % and noise floor {options.NoiseMs:0.######} ms"),
            _ => $"{Pct(change ?? 0)} median, beyond the threshold{allowance}",
        };
    }

    /// <summary>The one place the A/B verdict reaches compare's rule (<see cref="RegressionComparer.CompareCase"/>):
    /// the arms were measured interleaved, so no drift allowance applies, but a change must beat the pair's own
    /// launch-to-launch spread; its Mann-Whitney tests run on every inference of every launch.</summary>
    internal static CaseComparison CompareArms(CaseResult baseline, CaseResult candidate, CompareOptions options) =>
        RegressionComparer.CompareCase(baseline, candidate, options, Pairing.Interleaved, null, "baseline", "candidate");

    private static string ArmOrt(EnvironmentInfo environment, string? library, OrtPackage? package) =>
        library is null || string.Equals(Path.GetFullPath(library), environment.OnnxRuntimeLibrary is string loaded ? Path.GetFullPath(loaded) : null, StringComparison.Ordinal)
            ? $"{environment.OnnxRuntime} ({environment.OnnxRuntimeLibrary ?? "bundled"})"
            : package is not null
                ? $"{package.Version} {package.Flavor} ({package.Id}, {library}, not loaded by this process)"
                : $"{library} (not loaded by this process)";

    /// <summary>The package an arm's library came from (`--baseline-ort 1.30.0`), as its cases record it.</summary>
    private static OrtPackage? ArmPackage(ImmutableArray<CaseResult> cases, string arm) =>
        cases.FirstOrDefault(c => c.Arm == arm && c.OrtPackage is not null)?.OrtPackage;
}

/// <summary>ab.md (a pull-request comment) and ab.json.</summary>
public static class AbReportWriter
{
    private static readonly JsonSerializerOptions Json = new(SnakeCaseJson.Options) { NewLine = "\n" };

    public const string MarkdownFileName = "ab.md";
    public const string JsonFileName = "ab.json";

    public static string ToJson(AbReport report) => JsonSerializer.Serialize(report, Json) + "\n";

    /// <summary>Writes ab.md and ab.json into <paramref name="directory"/> atomically; returns their paths.</summary>
    public static (string Markdown, string Json) Write(AbReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ImmutableArray<string> paths = ReportFiles.Write(directory, (MarkdownFileName, Markdown(report)), (JsonFileName, ToJson(report)));
        return (paths[0], paths[1]);
    }

    public static string Markdown(AbReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("## effnet-bench ab\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"**{report.Count(Verdict.Slower)} slower, {report.Count(Verdict.Faster)} faster, {report.Count(Verdict.Same)} same, {report.Count(Verdict.Inconclusive)} inconclusive** of {report.Pairs.Length} {(report.Pairs.Length == 1 ? "pair" : "pairs")}; arms interleaved ABBA over {report.Launches} launches each, preset {report.Preset}.\n\n");
        text.Append(MarkdownTable.Render(
            ["pair", "baseline", "candidate", "baseline median ms", "candidate median ms", "change", "99% CI", "launch spread", "samples", "verdict", "reason"],
            "rllrrrrrrll",
            report.Pairs.Select(p => (IReadOnlyList<string>)
            [
                p.Pair.ToString(CultureInfo.InvariantCulture),
                p.BaselineId,
                p.CandidateId,
                Ms(p.BaselineMedianMs),
                Ms(p.CandidateMedianMs),
                p.ChangePercent is double c ? Invariant.Number(c, "+0.0;-0.0;0.0") + " %" : "-",
                p.ChangeCi99Percent is double ci ? "±" + Invariant.Number(ci, "0.0") + " %" : "-",
                p.LaunchSpreadPercent is double s ? Invariant.Number(s, "0.0") + " %" : "-",
                string.Create(CultureInfo.InvariantCulture, $"{p.BaselineSamples} / {p.CandidateSamples}"),
                p.Verdict.Name(),
                MarkdownTable.Escape(p.Reason),
            ]).ToList()));
        text.Append('\n');
        ScenarioReport.AppendMarkdown(text, [.. report.Pairs.SelectMany(p => new[] { p.OfflineThroughput, p.ServerMaxRate }.OfType<ScenarioComparison>()
            .Select(s => (string.Create(CultureInfo.InvariantCulture, $"pair {p.Pair}"), s)))]);
        EnvironmentInfo env = report.Environment;
        text.Append(CultureInfo.InvariantCulture, $"- baseline ONNX Runtime: {report.BaselineOrt}\n");
        text.Append(CultureInfo.InvariantCulture, $"- candidate ONNX Runtime: {report.CandidateOrt}\n");
        text.Append(CultureInfo.InvariantCulture, $"- machine: {env.Cpu}, {env.LogicalCores} logical cores, {env.MemoryBytes / (1 << 20)} MB, {env.Os}, .NET {env.Dotnet}, host {env.Hostname}\n");
        text.Append(CultureInfo.InvariantCulture, $"- test: compare's rule for interleaved arms, Mann-Whitney on every inference of every launch ({report.Options.Describe()}); a change within the launch-to-launch spread is not a change\n");
        text.Append(CultureInfo.InvariantCulture, $"- run: {report.RunId} in {report.RunDirectory}\n");
        return text.ToString();
    }

    private static string Ms(double? value) => value is double ? Invariant.Number(value, "0.000") : "-";
}
