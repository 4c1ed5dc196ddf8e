using System.CommandLine;
using EffNetBench.Core.OnnxModels;
using EffNetBench.Core.Providers;
using EffNetBench.Core.Results;
using EffNetBench.Core.Zoo;

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

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("effnet-bench: which EfficientNet gives the most accuracy per unit of compute, latency and memory on this hardware")
        {
            ModelsCommand.Create(output),
            ExportCommand.Create(output),
            AnalyzeCommand.Create(output),
            ProvidersCommand.Create(output),
            RunCommand.Create(output, error, Verbose),
            ReportCommand.Create(output),
            CompareCommand.Create(output, error),
            HistoryCommand.Create(output, error),
            EvalCommand.Create(output, error),
            LeakageCommand.Create(output, error),
        };
        root.Options.Add(Verbose);
        root.Options.Add(OrtLib);

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
            OrtLibrary.Configure(parse.GetValue(OrtLib));

            // ProcessTerminationTimeout = null: System.CommandLine would otherwise swallow Ctrl-C, which `run` handles itself.
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (e is UsageException or UnknownVariantException)
        {
            return Fail(error, e, ExitCodes.Usage, parse.GetValue(Verbose));
        }
        catch (Exception e) when (e is ModelLoadException or ResultsStoreException or IOException or UnauthorizedAccessException)
        {
            return Fail(error, e, ExitCodes.Failed, parse.GetValue(Verbose));
        }
        catch (Exception e)
        {
            error.WriteLine($"effnet-bench: internal error: {e.GetType().Name}: {FirstLine(e.Message)} (please report it with --verbose output)");
            if (parse.GetValue(Verbose))
            {
                error.WriteLine(e.ToString());
            }

            return ExitCodes.Failed;
        }
    }

    private static int Fail(TextWriter error, Exception e, int code, bool verbose)
    {
        error.WriteLine($"effnet-bench: {FirstLine(e.Message)}");
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
