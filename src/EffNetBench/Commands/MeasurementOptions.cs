using System.Collections.Immutable;
using System.CommandLine;
using EffNetBench.Core.Benchmarking.Profiling;
using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Results;

namespace EffNetBench.Commands;

/// <summary>What is measured of each case besides its single-stream latency: `--profile`, the serving scenarios
/// (`--scenario`, `--concurrency`, `--latency-bound`, `--rates`) and `--spin`. Shared by `run` and `ab`, so an A/B run
/// compares throughput, maximum rate and profiles as a plain run records them.</summary>
internal sealed class MeasurementOptions
{
    public Option<int?> Profile { get; } = ProfileOption();

    public Option<ImmutableArray<string>> Scenario { get; } = OptionValues.Create("--scenario", OptionValues.List(OptionValues.OneOf(ScenarioPlan.Names.Select(n => (n, n)).ToList())),
        "Scenarios, comma-separated: single-stream (always, first), offline (throughput over a concurrency sweep), server (Poisson arrivals; the highest rate whose p99 stays within --latency-bound)");

    public Option<ImmutableArray<int>> Concurrency { get; } = OptionValues.Create("--concurrency", OptionValues.List(OptionValues.WholeNumber(1, 1024)),
        "Offline sweep: concurrent requests on one session, comma-separated (default: 1 up to the logical cores)");

    public Option<double?> LatencyBound { get; } = OptionValues.Create("--latency-bound", OptionValues.Optional(OptionValues.PositiveDuration),
        "Server: the p99 latency bound of the rate search (default: 3 x the case's single-stream p99)", null);

    public Option<ImmutableArray<double>> Rates { get; } = OptionValues.Create("--rates", OptionValues.List(OptionValues.Number(0, double.MaxValue, minOpen: true, example: "20")),
        "Server: offered rates in requests per second, comma-separated, measured instead of the rate search (same rates on every machine)");

    // Text checked at parse (a bool option would be a flag, leaving 'on'/'off' unparsed); empty is the runtime's default.
    public Option<string> Spin { get; } = OptionValues.Checked("--spin", SpinKind,
        "ONNX Runtime's intra-op thread spinning (session.intra_op.allow_spinning): on or off; on trades CPU time for latency (default: the runtime's)", string.Empty);

    /// <summary>The options whose change a resumed run refuses.</summary>
    public IEnumerable<Option> SettingOptions => [Profile, Scenario, Concurrency, LatencyBound, Spin, Rates];

    public void AddTo(Command command)
    {
        foreach (Option option in SettingOptions)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            // The raw names (a bad one is reported by its own parser; reading the value here would throw).
            string[] scenarios = [.. (result.GetResult(Scenario)?.Tokens ?? []).SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Select(n => n.ToLowerInvariant())];
            if (result.GetResult(Concurrency) is { Implicit: false } && !scenarios.Contains(ScenarioPlan.OfflineName))
            {
                result.AddError("--concurrency sets the offline sweep's levels: add --scenario offline (or drop --concurrency)");
            }

            if (result.GetResult(LatencyBound) is { Implicit: false } && !scenarios.Contains(ScenarioPlan.ServerName))
            {
                result.AddError("--latency-bound is the server scenario's p99 bound: add --scenario server (or drop --latency-bound)");
            }

            if (result.GetResult(Rates) is { Implicit: false } && !scenarios.Contains(ScenarioPlan.ServerName))
            {
                result.AddError("--rates are the server scenario's offered rates: add --scenario server (or drop --rates)");
            }
        });
    }

    /// <summary>The settings with what these options asked for.</summary>
    public RunSettings Apply(ParseResult parse, RunSettings settings) => settings with
    {
        ProfileInferences = parse.GetValue(Profile),
        Scenarios = ScenarioNames(parse.GetResult(Scenario) is { Implicit: false } ? parse.GetValue(Scenario) : null),
        Concurrency = parse.GetResult(Concurrency) is { Implicit: false } ? parse.GetValue(Concurrency) : null,
        LatencyBoundMs = parse.GetValue(LatencyBound),
        Spin = OptionValues.Read(parse, Spin, SpinKind),
        ServerRates = parse.GetResult(Rates) is { Implicit: false } ? parse.GetValue(Rates) : null,
    };

    /// <summary>--spin: on, off, or (not given) null.</summary>
    private static readonly ValueKind<bool?> SpinKind = new("on or off", text => text.Trim().ToLowerInvariant() switch
    {
        "on" => (true, true),
        "off" => (true, false),
        "" => (true, null),
        _ => (false, null),
    });

    /// <summary>The scenarios as recorded: single-stream first (it always runs), then the others in their fixed order;
    /// null when only single-stream was asked for (or nothing).</summary>
    internal static ImmutableArray<string>? ScenarioNames(ImmutableArray<string>? given) =>
        given is { } names && names.Any(n => n != ScenarioPlan.SingleStream)
            ? [.. ScenarioPlan.Names.Where(n => n == ScenarioPlan.SingleStream || names.Contains(n))]
            : null;

    /// <summary>--profile [N]: absent, no profiling; bare, <see cref="CaseProfiler.DefaultInferences"/>.</summary>
    private static Option<int?> ProfileOption()
    {
        var kind = OptionValues.WholeNumber(1, CaseProfiler.MaxInferences);
        var option = new Option<int?>("--profile")
        {
            Description = $"After each case's timed samples, profile N more inferences with ONNX Runtime's profiler in a separate session (default N {CaseProfiler.DefaultInferences}): per-node times joined with the graph's FLOPs and bytes, per operator kind, stage and provider, in results.json; traces in profile/",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "N",
        };
        option.CustomParser = result => result.Tokens.Count == 0 ? CaseProfiler.DefaultInferences : OptionValues.Parse<int?>(result, "--profile",
            new ValueKind<int?>(kind.Allowed, text => kind.TryParse(text) is (true, int n) ? (true, n) : (false, null)));
        return option;
    }
}
