using System.CommandLine;
using EffNetBench.Core;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Providers.Runtimes;

namespace EffNetBench.Commands;

/// <summary>Builds the command tree and maps outcomes to exit codes: 0 success, 1 failed, 2 bad usage.</summary>
public static class Cli
{
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Show the stack trace of an error", Recursive = true };

    private static readonly Option<string?> OrtLib = new("--ort-lib")
    {
        Description = $"Native ONNX Runtime library to load instead of the bundled CPU build (a GPU or OpenVINO build of the same version); also ${OrtLibrary.EnvironmentVariable}",
        Recursive = true,
    };

    private static readonly Option<string?> Ort = new("--ort")
    {
        Description = "ONNX Runtime release to load, by version: VERSION[:flavor], e.g. 1.30.0 or 1.31.0:gpu-linux, from the runtime cache ('effnet-bench runtimes add VERSION' first); instead of --ort-lib",
        Recursive = true,
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("effnet-bench: which EfficientNet gives the most accuracy per unit of compute, latency and memory on this hardware")
        {
            ModelsCommand.Create(output),
            ExportCommand.Create(output),
            AnalyzeCommand.Create(output),
            ProvidersCommand.Create(output),
            RunCommand.Create(output, error, Verbose),
            ReportCommand.Create(output, error),
            ProfileCommand.Create(output),
            CompareCommand.Create(output, error),
            AbCommand.Create(output, error, Verbose),
            HistoryCommand.Create(output, error),
            EvalCommand.Create(output, error),
            LeakageCommand.Create(output, error),
            CacheCommand.Create(output),
            RuntimesCommand.Create(output, error),
            QuantizeCommand.Create(output),
            WorkerCommand.Create(output),
        };
        root.Options.Add(Verbose);
        root.Options.Add(OrtLib);
        root.Options.Add(Ort);

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string help = string.Join(' ', CommandPath(parse).Prepend("effnet-bench").Append("--help"));
            error.WriteLine($"effnet-bench: {string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see '{help}')");
            return ExitCodes.Usage;
        }

        try
        {
            // Must precede every other ONNX Runtime call in the process.
            OrtLibrary.Configure(OrtLibraryPath(parse));

            // ProcessTerminationTimeout = null: System.CommandLine would otherwise swallow Ctrl-C, which `run` handles itself.
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e)
        {
            return Report(error, e, parse.GetValue(Verbose));
        }
    }

    /// <summary>The library --ort-lib names, or the cached one of --ort VERSION[:flavor] (looked up in the command's
    /// --cache-dir when it has one, as its models are); null for neither.</summary>
    private static string? OrtLibraryPath(ParseResult parse)
    {
        string? library = parse.GetValue(OrtLib);
        if (parse.GetValue(Ort) is not string ort)
        {
            return library;
        }

        if (library is not null)
        {
            throw new UsageException($"--ort {ort} and --ort-lib {library} both name the ONNX Runtime to load: give one of them");
        }

        string? cacheDir = parse.CommandResult.Command.Options.Any(o => o.Name == "--cache-dir") ? parse.GetValue<string?>("--cache-dir") : null;
        return OrtSpec.Parse(ort, "--ort").LibraryIn(RuntimeStore.ForPlatform(cacheDir), "--ort");
    }

    /// <summary>
    /// The one exit-code rule: the tool's own errors carry their kind (2 bad usage, 1 failed); a file system error is the
    /// operation failing (1), not a bug; a broken ONNX Runtime library is reported as such (1); anything else is a bug.
    /// </summary>
    internal static int Report(TextWriter error, Exception e, bool verbose)
    {
        (int code, string message) = (OrtLibrary.Explain(e) ?? e) switch
        {
            EffNetBenchException known => (known.Kind == ErrorKind.Usage ? ExitCodes.Usage : ExitCodes.Failed, FirstLine(known.Message)),
            IOException or UnauthorizedAccessException => (ExitCodes.Failed, FirstLine(e.Message)),
            _ => (ExitCodes.Failed, $"internal error: {e.GetType().Name}: {FirstLine(e.Message)} (please report it with --verbose output)"),
        };
        error.WriteLine($"effnet-bench: {message}");
        if (verbose)
        {
            error.WriteLine(e.ToString());
        }

        return code;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r');

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names;
    }
}
