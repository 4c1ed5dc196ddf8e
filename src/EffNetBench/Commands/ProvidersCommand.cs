using System.CommandLine;
using System.Globalization;
using System.Text;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Providers.Runtimes;
using EffNetBench.Core.Reporting;

namespace EffNetBench.Commands;

/// <summary>Lists the loaded ONNX Runtime and, per execution provider, whether it is compiled in and really runs a session.</summary>
internal static class ProvidersCommand
{
    private static readonly string[] Headers = ["provider", "ort_name", "compiled_in", "usable", "reason"];

    public static Command Create(TextWriter output)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: table or json",
            DefaultValueFactory = _ => "table",
        };
        // Read by the root's --ort lookup only: the cache folder whose runtimes/ holds the package --ort names.
        var cacheDir = new Option<string?>("--cache-dir") { Description = $"The cache folder --ort VERSION looks in (its runtimes/; also ${Core.Benchmarking.ModelCache.EnvironmentVariable})" };
        var command = new Command("providers", "Show the ONNX Runtime in use and which execution providers (cpu, cuda, tensorrt, openvino) can run here") { format, cacheDir };
        command.SetAction(parse =>
        {
            string f = parse.GetValue(format)!.ToLowerInvariant();
            if (f is not ("table" or "json"))
            {
                throw new UsageException($"--format '{parse.GetValue(format)}' is not a format for providers: use table or json");
            }

            RuntimeInfo runtime = ProviderProbe.Runtime();
            IReadOnlyList<ProviderStatus> statuses = ProviderProbe.Probe(new ProviderSettings());
            output.Write(f == "json" ? Json(runtime, statuses) : Table(runtime, statuses));

            // Unusable providers are the report, not a failure.
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Table(RuntimeInfo runtime, IReadOnlyList<ProviderStatus> statuses)
    {
        // Reasons are long and ConsoleTables wraps wide cells badly, so the table cites numbered notes printed below it.
        var notes = new List<string>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (ProviderStatus s in statuses)
        {
            string cell = string.Empty;
            if (s.Reason is not null)
            {
                int index = notes.IndexOf(s.Reason);
                if (index < 0)
                {
                    notes.Add(s.Reason);
                    index = notes.Count - 1;
                }

                cell = $"see [{(index + 1).ToString(CultureInfo.InvariantCulture)}]";
            }

            rows.Add([ExecutionProviders.Name(s.Provider), s.OrtName, YesNo(s.CompiledIn), YesNo(s.Usable), cell]);
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"ONNX Runtime {runtime.OrtVersion}\n")
            .Append(CultureInfo.InvariantCulture, $"Library: {runtime.LibraryPath ?? "unknown"}\n");
        if (RuntimeStore.PackageOf(runtime.LibraryPath) is { } package)
        {
            text.Append(CultureInfo.InvariantCulture, $"Package: {package.Id} {package.Version} ({package.Flavor}, {package.Rid}) from {package.Source}, sha512 {package.Sha512}\n");
        }

        text.Append('\n').Append(Tabular.Table(Headers, rows));
        if (notes.Count > 0)
        {
            text.Append('\n');
            for (int i = 0; i < notes.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {notes[i]}\n");
            }
        }

        return text.ToString();
    }

    private static string Json(RuntimeInfo runtime, IReadOnlyList<ProviderStatus> statuses) => Tabular.ToJson(new
    {
        OrtVersion = runtime.OrtVersion,
        LibraryPath = runtime.LibraryPath,
        OrtPackage = RuntimeStore.PackageOf(runtime.LibraryPath),
        CompiledProviders = runtime.CompiledProviders,
        Providers = statuses.Select(s => new
        {
            Provider = ExecutionProviders.Name(s.Provider),
            s.OrtName,
            s.CompiledIn,
            s.Usable,
            s.Reason,
        }).ToArray(),
    });

    private static string YesNo(bool value) => value ? "yes" : "no";
}
